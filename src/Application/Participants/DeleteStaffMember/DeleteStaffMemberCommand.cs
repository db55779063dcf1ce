using EnSakITaget.Application.Common.Abstractions;
using Mediator;

namespace EnSakITaget.Application.Participants.DeleteStaffMember;

public sealed record DeleteStaffMemberCommand(Guid Id) : ICommand;

internal sealed class DeleteStaffMemberCommandHandler(IApplicationDbContext db) : ICommandHandler<DeleteStaffMemberCommand>
{
    public async ValueTask<Unit> Handle(DeleteStaffMemberCommand command, CancellationToken cancellationToken)
    {
        db.StaffMembers.Remove(await db.LoadStaffMemberAsync(command.Id, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
