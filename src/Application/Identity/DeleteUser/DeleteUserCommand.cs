using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using Mediator;

namespace EnSakITaget.Application.Identity.DeleteUser;

public sealed record DeleteUserCommand(Guid Id) : ICommand;

internal sealed class DeleteUserCommandHandler(IIdentityService identity, IApplicationDbContext db, ICurrentUser caller, UserAccess access)
    : ICommandHandler<DeleteUserCommand>
{
    public async ValueTask<Unit> Handle(DeleteUserCommand command, CancellationToken cancellationToken)
    {
        var existing = await access.VisibleRolesOfAsync(command.Id, cancellationToken);
        access.EnsureMayChange(existing);
        if (command.Id == caller.UserId)
        {
            throw new ConflictException("You cannot delete your own account.");
        }

        db.RoleAssignments.RemoveRange(existing);
        await db.SaveChangesAsync(cancellationToken);
        await identity.DeleteUserAsync(command.Id, cancellationToken);
        return Unit.Value;
    }
}
