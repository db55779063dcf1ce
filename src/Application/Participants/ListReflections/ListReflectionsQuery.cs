using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Paging;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Participants.ListReflections;

/// <summary>
/// The reflections reported in a round, by thing: what the coordinator reads and acknowledges,
/// and what the round's participants read of each other, as they read each other's blogs.
/// Nobody outside the round reads them.
/// </summary>
public sealed record ListReflectionsQuery(Guid RoundId, Guid? ThingId = null, int Page = 1, int PageSize = PagingDefaults.PageSize)
    : IQuery<PagedList<RoundReflectionDto>>, IPagedQuery;

internal sealed class ListReflectionsQueryValidator : AbstractValidator<ListReflectionsQuery>
{
    public ListReflectionsQueryValidator() => Include(new PagingRules());
}

internal sealed class ListReflectionsQueryHandler(IApplicationDbContext db, ParticipantAccess access)
    : IQueryHandler<ListReflectionsQuery, PagedList<RoundReflectionDto>>
{
    public async ValueTask<PagedList<RoundReflectionDto>> Handle(ListReflectionsQuery query, CancellationToken cancellationToken)
    {
        var (round, _) = await access.RunOrTakePartAsync(query.RoundId, cancellationToken);
        return await db.RoundReflectionsAsync(round.Id, query.ThingId, query, cancellationToken);
    }
}
