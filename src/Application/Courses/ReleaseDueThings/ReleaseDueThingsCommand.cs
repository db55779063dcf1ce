using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Domain.Courses;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EnSakITaget.Application.Courses.ReleaseDueThings;

/// <summary>
/// What the scheduler runs: release every thing whose day has come and close every round whose
/// deadline has passed. A request, not a command: each round is saved on its own, so one round that
/// fails does not hold back the others.
/// </summary>
public sealed record ReleaseDueThingsCommand : IRequest<ReleaseDueThingsResult>;

public sealed record ReleaseDueThingsResult(int ThingsReleased, int RoundsClosed);

internal sealed partial class ReleaseDueThingsCommandHandler(IApplicationDbContext db, CourseCalendar calendar, ILogger<ReleaseDueThingsCommandHandler> logger)
    : IRequestHandler<ReleaseDueThingsCommand, ReleaseDueThingsResult>
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
            // One round at a time, each with its own save: a lost race is forgotten without touching the others.
            var round = await db.Rounds.FirstAsync(r => r.Id == id, cancellationToken);
            var things = round.ReleaseDue(today, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                released += things.Count;
                closed += round.Status == RoundStatus.Closed ? 1 : 0;
            }
            catch (ConcurrentChangeException)
            {
                // Another instance released or closed it first: its save stands, ours is dropped.
                LogLostRace(round.Id);
                db.DiscardChanges();
            }
        }

        return new ReleaseDueThingsResult(released, closed);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Round {RoundId} was released by another instance first")]
    private partial void LogLostRace(Guid roundId);
}
