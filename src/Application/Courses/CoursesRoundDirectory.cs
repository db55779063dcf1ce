using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Domain.Courses;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Courses;

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

    private static RoundPlan PlanOf(Round round) => new(
        round.Id, round.CourseId, round.Title, round.HomeLibraryId, round.Status, round.KickOff, round.Deadline, round.WorkAheadAllowed,
        [.. round.Things.Select(t => new PlannedThing(
            t.Id, t.Position, t.Title, t.Instructions, t.Links, t.EstimatedMinutes, t.ReportPrompt, t.PlannedDate, t.ReleasedAt))]);
}
