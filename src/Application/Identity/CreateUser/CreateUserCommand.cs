using EnSakITaget.Application.Common.Abstractions;
using Mediator;

namespace EnSakITaget.Application.Identity.CreateUser;

public sealed record CreateUserCommand : UserInput, ICommand<UserDto>
{
    public CreateUserCommand(UserInput input)
        : base(input)
    {
    }

    public override string ToString() => $"{nameof(CreateUserCommand)} {{ Email = {Email} }}";
}

internal sealed class CreateUserCommandValidator : UserInputValidator<CreateUserCommand>;

/// <summary>With a password the account signs in at once; without one it is made with its roles and the person is invited by e-mail to choose it.</summary>
internal sealed class CreateUserCommandHandler(IIdentityService identity, IApplicationDbContext db, UserAccess access, AccountInvitationLetters invitations)
    : ICommandHandler<CreateUserCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        var userId = Guid.CreateVersion7();
        var assignments = await access.GrantAsync(userId, command.Roles!, cancellationToken);
        var password = string.IsNullOrEmpty(command.Password) ? null : command.Password;
        var account = await identity.CreateUserAsync(userId, command.Email!, command.DisplayName!, password, cancellationToken);
        db.RoleAssignments.AddRange(assignments);
        if (password is null)
        {
            await invitations.QueueAsync(userId, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await access.ToDtoAsync(account, assignments, cancellationToken);
    }
}
