using AutoMapper;
using EnSakITaget.Application.Common.Abstractions;
using Mediator;

namespace EnSakITaget.Application.Courses.CloseRound;

public sealed record CloseRoundCommand(Guid Id) : ICommand<RoundDto>;

internal sealed class CloseRoundCommandHandler(IApplicationDbContext db, TimeProvider time, IMapper mapper) : ICommandHandler<CloseRoundCommand, RoundDto>
{
    public async ValueTask<RoundDto> Handle(CloseRoundCommand command, CancellationToken cancellationToken)
    {
        var round = await db.LoadRoundAsync(command.Id, cancellationToken);
        round.Close(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<RoundDto>(round);
    }
}
