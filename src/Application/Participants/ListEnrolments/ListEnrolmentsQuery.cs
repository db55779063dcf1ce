using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Domain.Participants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Participants.ListEnrolments;

public sealed record ListEnrolmentsQuery(Guid RoundId, EnrolmentStatus? Status = null, int Page = 1, int PageSize = PagingDefaults.PageSize)
    : IQuery<PagedList<EnrolmentDto>>, IPagedQuery;

internal sealed class ListEnrolmentsQueryValidator : AbstractValidator<ListEnrolmentsQuery>
{
    public ListEnrolmentsQueryValidator()
    {
        Include(new PagingRules());
        RuleFor(q => q.Status).IsInEnum();
    }
}

internal sealed class ListEnrolmentsQueryHandler(IApplicationDbContext db, IRoundDirectory rounds)
    : IQueryHandler<ListEnrolmentsQuery, PagedList<EnrolmentDto>>
{
    public async ValueTask<PagedList<EnrolmentDto>> Handle(ListEnrolmentsQuery query, CancellationToken cancellationToken)
    {
        await rounds.LoadPlanAsync(query.RoundId, cancellationToken);
        var enrolments = db.Enrolments.AsNoTracking().Where(e => e.RoundId == query.RoundId);
        if (query.Status is { } status)
        {
            enrolments = enrolments.Where(e => e.Status == status);
        }

        return await enrolments.WithParticipantsByName(db).ToPagedListAsync(query, cancellationToken);
    }
}
