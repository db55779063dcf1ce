using System.ComponentModel.DataAnnotations;
using EnSakITaget.Application.Common;
using AutoMapper;
using EnSakITaget.Application.Common.Abstractions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Courses.ReleaseNextThing;

/// <summary>What the coordinator saw when asking for the next thing.</summary>
/// <param name="ExpectedReleased">
/// How many things were released when the coordinator asked (the schedule's <c>releasedCount</c>).
/// The same request twice releases one thing and gets the same answer; a count that is older
/// than that is answered 409.
/// </param>
public sealed record ReleaseNextInput([property: Range(0, CourseLimits.MaxThings)] int? ExpectedReleased);

public sealed record ReleaseNextThingCommand(Guid RoundId, int? ExpectedReleased) : ICommand<ScheduleDto>;

internal sealed class ReleaseNextThingCommandValidator : AbstractValidator<ReleaseNextThingCommand>
{
    public ReleaseNextThingCommandValidator() =>
        RuleFor(c => c.ExpectedReleased).NotNull().InclusiveBetween(0, CourseLimits.MaxThings);
}

internal sealed class ReleaseNextThingCommandHandler(IApplicationDbContext db, CourseCalendar calendar, IMapper mapper)
    : ICommandHandler<ReleaseNextThingCommand, ScheduleDto>
{
    public async ValueTask<ScheduleDto> Handle(ReleaseNextThingCommand command, CancellationToken cancellationToken)
    {
        // Releases of one round wait for one another here: a second click, a retry or a second
        // coordinator reads the round after the first release is committed, finds the thing it
        // asked for released and gets the same answer, instead of losing a save race with 409.
        await db.Rounds.Where(r => r.Id == command.RoundId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Revision, r => r.Revision), cancellationToken);
        var round = await db.LoadRoundAsync(command.RoundId, cancellationToken);
        if (round.ReleaseNext(command.ExpectedReleased!.Value, calendar.Today, calendar.Now) is not null)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return mapper.Map<ScheduleDto>(round);
    }
}
