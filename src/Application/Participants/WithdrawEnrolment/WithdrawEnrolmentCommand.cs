using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Courses.Contracts;
using Mediator;

namespace EnSakITaget.Application.Participants.WithdrawEnrolment;

/// <summary>The participant leaves the round; their history stays.</summary>
public sealed record WithdrawEnrolmentCommand(Guid RoundId, Guid ParticipantId) : ICommand;

internal sealed class WithdrawEnrolmentCommandHandler(IApplicationDbContext db, IRoundDirectory rounds, ICurrentUser caller, TimeProvider time)
    : ICommandHandler<WithdrawEnrolmentCommand>
{
    public async ValueTask<Unit> Handle(WithdrawEnrolmentCommand command, CancellationToken cancellationToken)
    {
        await rounds.LoadPlanAsync(command.RoundId, cancellationToken);
        var enrolment = await db.LoadEnrolmentAsync(command.RoundId, command.ParticipantId, cancellationToken);
        enrolment.Withdraw(caller.AsActor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
