using EnSakITaget.Application.Common;
using AutoMapper;
using EnSakITaget.Application.Common.Abstractions;
using Mediator;

namespace EnSakITaget.Application.Courses.OpenRound;

public sealed record OpenRoundCommand(Guid Id) : ICommand<RoundDto>;

internal sealed class OpenRoundCommandHandler(IApplicationDbContext db, CourseCalendar calendar, IMapper mapper) : ICommandHandler<OpenRoundCommand, RoundDto>
{
    public async ValueTask<RoundDto> Handle(OpenRoundCommand command, CancellationToken cancellationToken)
    {
        var round = await db.LoadRoundAsync(command.Id, cancellationToken);
        round.Open(calendar.Today, calendar.Now);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<RoundDto>(round);
    }
}
