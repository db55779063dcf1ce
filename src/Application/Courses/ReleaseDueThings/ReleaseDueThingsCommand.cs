using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Domain.Courses;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EnSakITaget.Application.Courses.ReleaseDueThings;

/// <summary>What the scheduler runs: release every thing whose day has come and close every round whose deadline has passed.</summary>
public sealed record ReleaseDueThingsCommand : ICommand<ReleaseDueThingsResult>;

public sealed record ReleaseDueThingsResult(int ThingsReleased, int RoundsClosed);

internal sealed partial class ReleaseDueThingsCommandHandler(IApplicationDbContext db, CourseCalendar calendar, ILogger<ReleaseDueThingsCommandHandler> logger)
    : ICommandHandler<ReleaseDueThingsCommand, ReleaseDueThingsResult>
{
    public async ValueTask<ReleaseDueThingsResult> Handle(ReleaseDueThingsCommand command, CancellationToken cancellationToken)
    {
        var (today, now) = (calendar.Today, calendar.Now);
        var dueIds = await db.Rounds.AsNoTracking()
            .Where(r => r.Status == RoundStatus.Open && ((r.NextReleaseDate != null && r.NextReleaseDate <= today) || r.Deadline < today))
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);

        var (released, closed) = (0, 0);
        foreach (var id in dueIds)
        {
            var round = await db.Rounds.FirstAsync(r => r.Id == id, cancellationToken);
            var things = round.ReleaseDue(today, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                released += things.Count;
                closed += round.Status == RoundStatus.Closed ? 1 : 0;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance released or closed it first: its save stands, ours is dropped.
                LogLostRace(id);
                db.DiscardChanges();
            }
        }

        return new ReleaseDueThingsResult(released, closed);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Round {RoundId} was released by another instance first")]
    private partial void LogLostRace(Guid roundId);
}
