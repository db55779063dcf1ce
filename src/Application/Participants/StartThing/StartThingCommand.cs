using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Behaviours;
using Mediator;

namespace EnSakITaget.Application.Participants.StartThing;

/// <summary>The caller begins a thing of a round they take part in.</summary>
public sealed record StartThingCommand(Guid RoundId, Guid ThingId) : ICommand<ThingProgressDto>, IRepeatableCommand;

internal sealed class StartThingCommandHandler(IApplicationDbContext db, ParticipantAccess access, TimeProvider time)
    : ICommandHandler<StartThingCommand, ThingProgressDto>
{
    public async ValueTask<ThingProgressDto> Handle(StartThingCommand command, CancellationToken cancellationToken)
    {
        var (round, enrolment, _) = await access.LoadOwnEnrolmentAsync(command.RoundId, cancellationToken);
        var thing = round.LoadThing(command.ThingId);
        var progress = enrolment.Start(ParticipantAccess.TermsOf(round), ParticipantAccess.TermsOf(thing), access.Actor, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ThingProgressDto.Of(enrolment, progress);
    }
}
