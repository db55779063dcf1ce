using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Domain.Participants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Participants.GetSpread;

/// <summary>How far apart the round's participants are: how many stand at each thing, and the distance from the first to the last.</summary>
public sealed record GetSpreadQuery(Guid RoundId) : IQuery<SpreadDto>;

/// <param name="Participants">Everyone enrolled and not withdrawn.</param>
/// <param name="Finished">Those who have reported every thing.</param>
/// <param name="MostReported">The furthest participant's count of reported things.</param>
/// <param name="FewestReported">The count of the one furthest behind.</param>
/// <param name="Distance">Things between the first and the last: the spread the coordinator wants to keep small.</param>
/// <param name="LatestReleased">The position of the latest released thing; 0 before the first.</param>
public sealed record SpreadDto(
    Guid RoundId, int Participants, IReadOnlyList<SpreadStepDto> Things, int Finished, int MostReported, int FewestReported, int Distance,
    int LatestReleased);

/// <param name="StandingHere">Participants who have reported the things before this one and not this one: it is their next.</param>
public sealed record SpreadStepDto(Guid ThingId, int Position, string Title, bool IsReleased, int StandingHere);

internal sealed class GetSpreadQueryHandler(IApplicationDbContext db, IRoundDirectory rounds) : IQueryHandler<GetSpreadQuery, SpreadDto>
{
    public async ValueTask<SpreadDto> Handle(GetSpreadQuery query, CancellationToken cancellationToken)
    {
        var round = await rounds.LoadPlanAsync(query.RoundId, cancellationToken);
        var counts = await db.Enrolments.AsNoTracking()
            .Where(e => e.RoundId == round.Id && e.Status != EnrolmentStatus.Withdrawn)
            .GroupBy(e => e.ThingsReported)
            .Select(g => new { Reported = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Reported, g => g.Count, cancellationToken);
        var participants = counts.Values.Sum();
        var thingCount = round.Things.Count;
        return new SpreadDto(
            round.Id,
            participants,
            [.. round.Things.Select(t => new SpreadStepDto(t.Id, t.Position, t.Title, t.ReleasedAt is not null, counts.GetValueOrDefault(t.Position - 1)))],
            counts.Where(c => c.Key >= thingCount).Sum(c => c.Value),
            participants == 0 ? 0 : counts.Keys.Max(),
            participants == 0 ? 0 : counts.Keys.Min(),
            participants == 0 ? 0 : counts.Keys.Max() - counts.Keys.Min(),
            round.Things.LastOrDefault(t => t.ReleasedAt is not null)?.Position ?? 0);
    }
}
