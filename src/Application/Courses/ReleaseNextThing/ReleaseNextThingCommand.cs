using EnSakITaget.Application.Common;
using AutoMapper;
using EnSakITaget.Application.Common.Abstractions;
using Mediator;

namespace EnSakITaget.Application.Courses.ReleaseNextThing;

public sealed record ReleaseNextThingCommand(Guid RoundId) : ICommand<ScheduleDto>;

internal sealed class ReleaseNextThingCommandHandler(IApplicationDbContext db, CourseCalendar calendar, IMapper mapper)
    : ICommandHandler<ReleaseNextThingCommand, ScheduleDto>
{
    public async ValueTask<ScheduleDto> Handle(ReleaseNextThingCommand command, CancellationToken cancellationToken)
    {
        var round = await db.LoadRoundAsync(command.RoundId, cancellationToken);
        round.ReleaseNext(calendar.Today, calendar.Now);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<ScheduleDto>(round);
    }
}
