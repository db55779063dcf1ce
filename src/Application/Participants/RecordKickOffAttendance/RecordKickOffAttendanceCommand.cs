using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Courses.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Participants.RecordKickOffAttendance;

public record KickOffAttendanceInput
{
    /// <summary>Whether the participant came to the kick-off meeting.</summary>
    public bool? AttendedKickOff { get; init; }
}

public sealed record RecordKickOffAttendanceCommand : KickOffAttendanceInput, ICommand<EnrolmentDto>
{
    public RecordKickOffAttendanceCommand(Guid roundId, Guid participantId, KickOffAttendanceInput input)
        : base(input)
    {
        (RoundId, ParticipantId) = (roundId, participantId);
    }

    public Guid RoundId { get; }
    public Guid ParticipantId { get; }
}

internal sealed class RecordKickOffAttendanceCommandValidator : AbstractValidator<RecordKickOffAttendanceCommand>
{
    public RecordKickOffAttendanceCommandValidator() => RuleFor(c => c.AttendedKickOff).NotNull();
}

internal sealed class RecordKickOffAttendanceCommandHandler(IApplicationDbContext db, IRoundDirectory rounds, ICurrentUser caller, TimeProvider time)
    : ICommandHandler<RecordKickOffAttendanceCommand, EnrolmentDto>
{
    public async ValueTask<EnrolmentDto> Handle(RecordKickOffAttendanceCommand command, CancellationToken cancellationToken)
    {
        await rounds.LoadPlanAsync(command.RoundId, cancellationToken);
        var enrolment = await db.LoadEnrolmentAsync(command.RoundId, command.ParticipantId, cancellationToken);
        enrolment.RecordKickOffAttendance(command.AttendedKickOff!.Value, caller.AsActor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.Enrolments.AsNoTracking().Where(e => e.Id == enrolment.Id).WithParticipantsByName(db).SingleAsync(cancellationToken);
    }
}
