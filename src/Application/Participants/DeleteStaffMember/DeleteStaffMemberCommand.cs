using EnSakITaget.Application.Common.Abstractions;
using Mediator;

namespace EnSakITaget.Application.Participants.DeleteStaffMember;

public sealed record DeleteStaffMemberCommand(Guid Id) : ICommand;

internal sealed class DeleteStaffMemberCommandHandler(IApplicationDbContext db) : ICommandHandler<DeleteStaffMemberCommand>
{
    public async ValueTask<Unit> Handle(DeleteStaffMemberCommand command, CancellationToken cancellationToken)
    {
        var member = await db.LoadStaffMemberAsync(command.Id, cancellationToken);
        member.EnsureMayBeDeleted(await db.EnrolmentCountOfAsync(member.Id, cancellationToken));
        db.StaffMembers.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
