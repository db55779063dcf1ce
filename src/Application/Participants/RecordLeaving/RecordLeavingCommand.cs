using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Abstractions;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Participants.RecordLeaving;

public record LeavingInput
{
    /// <summary>The day the person left the staff: today or a day past.</summary>
    public DateOnly? LeftOn { get; init; }
}

/// <summary>
/// A member of staff has left: they leave the roster, and every enrolment they have not completed
/// ends, in every round, those of other municipalities they take part in as a pilot included.
/// Their record and its history stay.
/// </summary>
public sealed record RecordLeavingCommand : LeavingInput, ICommand<StaffMemberDto>
{
    public RecordLeavingCommand(Guid id, LeavingInput input)
        : base(input)
    {
        Id = id;
    }

    public Guid Id { get; }
}

internal sealed class RecordLeavingCommandValidator : AbstractValidator<RecordLeavingCommand>
{
    public RecordLeavingCommandValidator() => RuleFor(c => c.LeftOn).NotNull();
}

internal sealed class RecordLeavingCommandHandler(IApplicationDbContext db, ICurrentUser caller, CourseCalendar calendar, WaitingLetters waiting)
    : ICommandHandler<RecordLeavingCommand, StaffMemberDto>
{
    public async ValueTask<StaffMemberDto> Handle(RecordLeavingCommand command, CancellationToken cancellationToken)
    {
        var member = await db.LoadStaffMemberAsync(command.Id, cancellationToken);
        var (leftOn, now) = (command.LeftOn!.Value, calendar.Now);
        member.Leave(leftOn, calendar.Today, now);

        // The person's enrolments wherever they are: a pilot's round is run by another municipality, outside the caller's scope.
        var enrolments = await db.EnrolmentsOfForChangeAsync(member.Id, cancellationToken);
        foreach (var enrolment in enrolments)
        {
            enrolment.EndForLeaving(leftOn, caller.AsActor(), now);
            await waiting.DropAsync(enrolment, member.Email, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return member.ToDto();
    }
}
