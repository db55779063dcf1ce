using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Common.Rendering;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Domain.Courses;
using EnSakITaget.Domain.Participants;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Participants.ListMyRounds;

/// <summary>The caller's own rounds, the latest enrolment first: the things out so far with their instructions, their own progress, what is next, the deadline.</summary>
public sealed record ListMyRoundsQuery(int Page = 1, int PageSize = PagingDefaults.PageSize) : IQuery<PagedList<MyRoundDto>>, IPagedQuery;

/// <param name="Things">The released things, and with work-ahead allowed the rest too.</param>
/// <param name="Next">The first thing not yet reported; null when all are, when the round is closed or when the participant has withdrawn.</param>
/// <param name="Upcoming">Where work-ahead is off, the things not released yet: their title and planned date only, nothing to start.</param>
public sealed record MyRoundDto(
    Guid RoundId, string Title, RoundStatus RoundStatus, DateOnly KickOff, DateOnly Deadline, bool WorkAheadAllowed,
    EnrolmentStatus Status, int ThingsReported, int ThingCount, IReadOnlyList<MyThingDto> Things, MyNextThingDto? Next,
    IReadOnlyList<MyUpcomingThingDto> Upcoming);

/// <param name="Instructions">The Markdown as written.</param>
/// <param name="InstructionsHtml">
/// The instructions as HTML that is safe to show: no script, style or event handler survives. Their
/// headings start at h3, since the thing's page has its title as h1 and "Så här gör du" as h2.
/// </param>
/// <param name="PlannedDate">When a thing not yet released is planned to come out, if the round has a plan.</param>
public sealed record MyThingDto(
    Guid ThingId, int Position, string Title, string Instructions, IReadOnlyList<string> Links, int EstimatedMinutes, string ReportPrompt,
    DateTimeOffset? ReleasedAt, ThingProgressStatus? Status, DateTimeOffset? StartedAt, DateTimeOffset? ReportedAt, ReflectionDto? Reflection,
    DateTimeOffset? AcknowledgedAt, string? AcknowledgementComment, string InstructionsHtml, DateOnly? PlannedDate);

/// <summary>A thing of the round not released yet, where work-ahead is off: what it is called and when it is planned to come.</summary>
public sealed record MyUpcomingThingDto(Guid ThingId, int Position, string Title, DateOnly? PlannedDate);

/// <param name="IsReleased">False while it waits for its release.</param>
/// <param name="PlannedDate">When an unreleased thing is planned to come out, if the round has a plan.</param>
public sealed record MyNextThingDto(Guid ThingId, int Position, string Title, bool IsReleased, DateOnly? PlannedDate);

internal sealed class ListMyRoundsQueryValidator : AbstractValidator<ListMyRoundsQuery>
{
    public ListMyRoundsQueryValidator() => Include(new PagingRules());
}

internal sealed class ListMyRoundsQueryHandler(IApplicationDbContext db, ParticipantAccess access, IRoundDirectory rounds)
    : IQueryHandler<ListMyRoundsQuery, PagedList<MyRoundDto>>
{
    /// <summary>The thing's page shows the instructions under its h1 (the title) and h2 (the instructions' own heading).</summary>
    private const int InstructionsTopHeading = 3;

    public async ValueTask<PagedList<MyRoundDto>> Handle(ListMyRoundsQuery query, CancellationToken cancellationToken)
    {
        if (await access.OwnStaffRecordAsync(cancellationToken) is not { } member)
        {
            return new PagedList<MyRoundDto>([], query.Page, query.PageSize, 0);
        }

        var (total, enrolments) = await db.OwnEnrolmentsAsync(member.Id, query, cancellationToken);
        var plans = await rounds.PlansAsync([.. enrolments.Select(e => e.RoundId)], cancellationToken);
        return new PagedList<MyRoundDto>([.. enrolments.Select(e => ViewOf(plans[e.RoundId], e))], query.Page, query.PageSize, total);
    }

    private static MyRoundDto ViewOf(RoundPlan round, Enrolment enrolment)
    {
        var visible = round.Things.Where(t => t.ReleasedAt is not null || round.WorkAheadAllowed).ToList();
        var next = round.IsClosed || enrolment.Status == EnrolmentStatus.Withdrawn
            ? null
            : round.Things.FirstOrDefault(t => enrolment.ProgressOn(t.Id)?.Status != ThingProgressStatus.Reported);
        return new MyRoundDto(
            round.Id, round.Title, round.Status, round.KickOff, round.Deadline, round.WorkAheadAllowed,
            enrolment.Status, enrolment.ThingsReported, round.Things.Count,
            [.. visible.Select(t => ViewOf(t, enrolment.ProgressOn(t.Id)))],
            next is null ? null : new MyNextThingDto(next.Id, next.Position, next.Title, next.ReleasedAt is not null, next.ReleasedAt is null ? next.PlannedDate : null),
            [.. round.Things.Except(visible).Select(t => new MyUpcomingThingDto(t.Id, t.Position, t.Title, t.PlannedDate))]);
    }

    private static MyThingDto ViewOf(PlannedThing thing, ThingProgress? progress) => new(
        thing.Id, thing.Position, thing.Title, thing.Instructions, thing.Links, thing.EstimatedMinutes, thing.ReportPrompt, thing.ReleasedAt,
        progress?.Status, progress?.StartedAt, progress?.ReportedAt,
        progress?.Reflection is { } r ? new ReflectionDto(r.Text, r.Link) : null,
        progress?.AcknowledgedAt, progress?.AcknowledgementComment,
        SafeMarkdown.ToHtml(thing.Instructions, InstructionsTopHeading), thing.ReleasedAt is null ? thing.PlannedDate : null);
}
