using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Courses.Contracts;
using Mediator;

namespace EnSakITaget.Application.Participants.WithdrawEnrolment;

/// <summary>The participant leaves the round; their history stays, their letters about it still waiting are dropped.</summary>
public sealed record WithdrawEnrolmentCommand(Guid RoundId, Guid ParticipantId) : ICommand;

internal sealed class WithdrawEnrolmentCommandHandler(
    IApplicationDbContext db, IRoundDirectory rounds, ICurrentUser caller, TimeProvider time, WaitingLetters waiting)
    : ICommandHandler<WithdrawEnrolmentCommand>
{
    public async ValueTask<Unit> Handle(WithdrawEnrolmentCommand command, CancellationToken cancellationToken)
    {
        await rounds.LoadPlanAsync(command.RoundId, cancellationToken);
        var enrolment = await db.LoadEnrolmentAsync(command.RoundId, command.ParticipantId, cancellationToken);
        enrolment.Withdraw(caller.AsActor(), time.GetUtcNow());
        await waiting.DropAsync(enrolment, (await db.StaffRecordOfEnrolledAsync(enrolment.StaffMemberId, cancellationToken)).Email, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
