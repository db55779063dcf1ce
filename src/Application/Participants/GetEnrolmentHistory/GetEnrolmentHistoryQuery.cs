using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Common.Paging;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Participants.GetEnrolmentHistory;

/// <summary>Every dated change of one participant's enrolment, oldest first: for whoever runs the round, and for the participant.</summary>
public sealed record GetEnrolmentHistoryQuery(Guid RoundId, Guid ParticipantId, int Page = 1, int PageSize = PagingDefaults.PageSize)
    : IQuery<PagedList<ProgressEventDto>>, IPagedQuery;

internal sealed class GetEnrolmentHistoryQueryValidator : AbstractValidator<GetEnrolmentHistoryQuery>
{
    public GetEnrolmentHistoryQueryValidator() => Include(new PagingRules());
}

internal sealed class GetEnrolmentHistoryQueryHandler(IApplicationDbContext db, ParticipantAccess access)
    : IQueryHandler<GetEnrolmentHistoryQuery, PagedList<ProgressEventDto>>
{
    public async ValueTask<PagedList<ProgressEventDto>> Handle(GetEnrolmentHistoryQuery query, CancellationToken cancellationToken)
    {
        var (round, self) = await access.RunOrTakePartAsync(query.RoundId, cancellationToken);
        if (self is { } own && own != query.ParticipantId)
        {
            throw new NotFoundException("Enrolment of participant", query.ParticipantId);
        }

        if (!await db.IsEnrolledAsync(round.Id, query.ParticipantId, cancellationToken))
        {
            throw new NotFoundException("Enrolment of participant", query.ParticipantId);
        }

        return await db.EnrolmentHistoryAsync(round.Id, query.ParticipantId, query, cancellationToken);
    }
}
