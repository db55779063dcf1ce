using EnSakITaget.Application.Common.Abstractions;
using Mediator;

namespace EnSakITaget.Application.Participants.RecordReturn;

/// <summary>
/// A member of staff recorded as having left is on the staff again (or never left): back on the
/// roster. The enrolments the leaving ended stay ended; enrol them again where they take part.
/// </summary>
public sealed record RecordReturnCommand(Guid Id) : ICommand<StaffMemberDto>;

internal sealed class RecordReturnCommandHandler(IApplicationDbContext db, TimeProvider time) : ICommandHandler<RecordReturnCommand, StaffMemberDto>
{
    public async ValueTask<StaffMemberDto> Handle(RecordReturnCommand command, CancellationToken cancellationToken)
    {
        var member = await db.LoadStaffMemberAsync(command.Id, cancellationToken);
        member.Return(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return member.ToDto();
    }
}
