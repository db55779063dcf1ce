using Mediator;

namespace EnSakITaget.Application.Identity.UnlockUser;

/// <summary>Lifts an account's lockout after too many wrong passwords, and forgets its failed attempts; the audit trail records it.</summary>
public sealed record UnlockUserCommand(Guid Id) : ICommand<UserDto>;

internal sealed class UnlockUserCommandHandler(IIdentityService identity, UserAccess access) : ICommandHandler<UnlockUserCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(UnlockUserCommand command, CancellationToken cancellationToken)
    {
        var roles = await access.VisibleRolesOfAsync(command.Id, cancellationToken);
        access.EnsureMayChange(roles);
        var account = await identity.UnlockUserAsync(command.Id, cancellationToken);
        return await access.ToDtoAsync(account, roles, cancellationToken);
    }
}
