using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Domain.Participants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Participants.ListReflections;

/// <summary>
/// The reflections reported in a round, by thing: what the coordinator reads and acknowledges,
/// and what the round's participants read of each other, as they read each other's blogs.
/// Nobody outside the round reads them.
/// </summary>
public sealed record ListReflectionsQuery(Guid RoundId, Guid? ThingId = null, int Page = 1, int PageSize = PagingDefaults.PageSize)
    : IQuery<PagedList<RoundReflectionDto>>, IPagedQuery;

public sealed class ListReflectionsQueryValidator : AbstractValidator<ListReflectionsQuery>
{
    public ListReflectionsQueryValidator() => Include(new PagingRules());
}

internal sealed class ListReflectionsQueryHandler(IApplicationDbContext db, ParticipantAccess access)
    : IQueryHandler<ListReflectionsQuery, PagedList<RoundReflectionDto>>
{
    public async ValueTask<PagedList<RoundReflectionDto>> Handle(ListReflectionsQuery query, CancellationToken cancellationToken)
    {
        var (round, _) = await access.RunOrTakePartAsync(query.RoundId, cancellationToken);
        var progress = db.ThingProgress.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.RoundId == round.Id && p.Status == ThingProgressStatus.Reported);
        if (query.ThingId is { } thingId)
        {
            progress = progress.Where(p => p.ThingId == thingId);
        }

        var enrolments = db.Enrolments.IgnoreQueryFilters().Where(e => e.RoundId == round.Id && e.Status != EnrolmentStatus.Withdrawn);
        return await progress
            .Join(enrolments, p => p.EnrolmentId, e => e.Id, (p, e) => new { p, e.StaffMemberId })
            .Join(db.StaffMembers.IgnoreQueryFilters(), x => x.StaffMemberId, s => s.Id, (x, s) => new { x.p, s })
            .OrderBy(x => x.p.Position).ThenBy(x => x.s.Name).ThenBy(x => x.s.Id)
            .Select(x => new RoundReflectionDto(
                x.s.Id, x.s.Name, x.p.ThingId, x.p.Position, x.p.ReflectionText, x.p.ReflectionLink, x.p.ReportedAt!.Value,
                x.p.AcknowledgedAt, x.p.AcknowledgedBy, x.p.AcknowledgementComment))
            .ToPagedListAsync(query, cancellationToken);
    }
}
