using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Domain.Courses;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Courses;

/// <summary>
/// The Courses module's rounds for other modules. Two reads pass the library scope by, each bound
/// to given ids: a participant's rounds (their right to a round is their enrolment, which the
/// caller has checked; a pilot's scope does not hold it) and a course's rounds (a course is the
/// county's, its rounds run in many municipalities; statistics then show only what the caller may see).
/// </summary>
internal sealed class CoursesRoundDirectory(IApplicationDbContext db) : IRoundDirectory
{
    public async Task<RoundPlan?> FindPlanAsync(Guid roundId, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        return round is null ? null : PlanOf(round);
    }

    public async Task<IReadOnlyDictionary<Guid, RoundPlan>> PlansAsync(IReadOnlyCollection<Guid> roundIds, CancellationToken cancellationToken)
    {
        var ids = roundIds.Distinct().ToArray();
        var rounds = await db.Rounds.IgnoreQueryFilters().AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        return rounds.ToDictionary(r => r.Id, PlanOf);
    }

    public Task<bool> IsCourseVisibleAsync(Guid courseId, CancellationToken cancellationToken) =>
        db.Courses.AnyAsync(c => c.Id == courseId, cancellationToken);

    public async Task<IReadOnlyList<Guid>> RoundIdsOfCourseAsync(Guid courseId, CancellationToken cancellationToken) =>
        await db.Rounds.IgnoreQueryFilters().Where(r => r.CourseId == courseId).Select(r => r.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Guid>> OpenRoundIdsToWriteAboutAsync(NoticeWindow window, CancellationToken cancellationToken)
    {
        // Three columns of every open round, compared here: SQLite compares no DateTimeOffset in SQL.
        var open = await db.Rounds.AsNoTracking().Where(r => r.Status == RoundStatus.Open)
            .Select(r => new { r.Id, r.Deadline, r.LastReleasedAt }).ToListAsync(cancellationToken);
        if (window.EveryOpenRound)
        {
            return [.. open.Select(r => r.Id)];
        }

        var (from, to) = (window.DeadlineFrom ?? DateOnly.MaxValue, window.DeadlineTo ?? DateOnly.MinValue);
        return [.. open
            .Where(r => (r.Deadline >= from && r.Deadline <= to) || (window.ReleasedSince is { } since && r.LastReleasedAt >= since))
            .Select(r => r.Id)];
    }

    public async Task<IReadOnlyList<Guid>> ClosedRoundIdsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        [.. (await db.Rounds.AsNoTracking().Where(r => r.Status == RoundStatus.Closed).Select(r => new { r.Id, r.ClosedAt }).ToListAsync(cancellationToken))
            .Where(r => r.ClosedAt >= since)
            .Select(r => r.Id)];

    private static RoundPlan PlanOf(Round round) => new(
        round.Id, round.CourseId, round.Title, round.HomeLibraryId, round.Status, round.KickOff, round.Deadline, round.WorkAheadAllowed,
        [.. round.Things.Select(t => new PlannedThing(
            t.Id, t.Position, t.Title, t.Instructions, t.Links, t.EstimatedMinutes, t.ReportPrompt, t.PlannedDate, t.ReleasedAt))])
    {
        CoordinatorIds = round.CoordinatorIds,
    };
}
