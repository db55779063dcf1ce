using EnSakITaget.Application.Common.Abstractions;
using FluentValidation;
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

internal sealed class CreateUserCommandValidator : UserInputValidator<CreateUserCommand>
{
    public CreateUserCommandValidator()
    {
        RuleFor(u => u.Password).NotEmpty();
        RuleFor(u => u.Roles).NotEmpty().WithMessage("An account needs at least one role.");
    }
}

internal sealed class CreateUserCommandHandler(IIdentityService identity, IApplicationDbContext db, UserAccess access)
    : ICommandHandler<CreateUserCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        var userId = Guid.CreateVersion7();
        var assignments = await access.GrantAsync(userId, command.Roles!, cancellationToken);
        var account = await identity.CreateUserAsync(userId, command.Email!, command.DisplayName!, command.Password!, cancellationToken);
        db.RoleAssignments.AddRange(assignments);
        await db.SaveChangesAsync(cancellationToken);
        return await access.ToDtoAsync(account, assignments, cancellationToken);
    }
}
