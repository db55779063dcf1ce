using EnSakITaget.Application.Common.Abstractions;
using Mediator;

namespace EnSakITaget.Application.Identity.UpdateUser;

/// <summary>Replaces an account's e-mail, name and roles, and its password when a new one is given.</summary>
public sealed record UpdateUserCommand : UserInput, ICommand<UserDto>
{
    public UpdateUserCommand(Guid id, UserInput input)
        : base(input)
    {
        Id = id;
    }

    public Guid Id { get; }

    public override string ToString() => $"{nameof(UpdateUserCommand)} {{ Id = {Id} }}";
}

internal sealed class UpdateUserCommandValidator : UserInputValidator<UpdateUserCommand>;

internal sealed class UpdateUserCommandHandler(IIdentityService identity, IApplicationDbContext db, UserAccess access)
    : ICommandHandler<UpdateUserCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(UpdateUserCommand command, CancellationToken cancellationToken)
    {
        var existing = await access.VisibleRolesOfAsync(command.Id, cancellationToken);
        access.EnsureMayChange(existing);
        var replacement = await access.GrantAsync(command.Id, command.Roles!, cancellationToken);

        var account = await identity.UpdateUserAsync(command.Id, command.Email!, command.DisplayName!, command.Password, cancellationToken);
        db.RoleAssignments.RemoveRange(existing);
        db.RoleAssignments.AddRange(replacement);
        await db.SaveChangesAsync(cancellationToken);
        return await access.ToDtoAsync(account, replacement, cancellationToken);
    }
}
