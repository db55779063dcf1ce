using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Participants.RecordKickOffAttendance;

public sealed record KickOffAttendanceInput(bool? AttendedKickOff);

public sealed record RecordKickOffAttendanceCommand(Guid RoundId, Guid ParticipantId, bool? AttendedKickOff) : ICommand<EnrolmentDto>;

public sealed class RecordKickOffAttendanceCommandValidator : AbstractValidator<RecordKickOffAttendanceCommand>
{
    public RecordKickOffAttendanceCommandValidator() => RuleFor(c => c.AttendedKickOff).NotNull();
}

internal sealed class RecordKickOffAttendanceCommandHandler(IApplicationDbContext db, IRoundDirectory rounds, ICurrentUser caller, TimeProvider time)
    : ICommandHandler<RecordKickOffAttendanceCommand, EnrolmentDto>
{
    public async ValueTask<EnrolmentDto> Handle(RecordKickOffAttendanceCommand command, CancellationToken cancellationToken)
    {
        await rounds.LoadRoundAsync(command.RoundId, cancellationToken);
        var enrolment = await db.LoadEnrolmentAsync(command.RoundId, command.ParticipantId, cancellationToken);
        enrolment.RecordKickOffAttendance(command.AttendedKickOff!.Value, caller.AsActor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.Enrolments.AsNoTracking().Where(e => e.Id == enrolment.Id).WithParticipantsByName(db).SingleAsync(cancellationToken);
    }
}
