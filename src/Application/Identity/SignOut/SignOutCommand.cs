using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Identity.SignOut;

/// <summary>Ends a session on the server: its refresh token stops working. An unknown or spent token changes nothing.</summary>
public sealed record SignOutCommand(string? RefreshToken) : IRequest
{
    public override string ToString() => nameof(SignOutCommand);
}

internal sealed class SignOutCommandValidator : AbstractValidator<SignOutCommand>
{
    public SignOutCommandValidator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(200);
}

internal sealed class SignOutCommandHandler(IIdentityService identity) : IRequestHandler<SignOutCommand>
{
    public async ValueTask<Unit> Handle(SignOutCommand command, CancellationToken cancellationToken)
    {
        await identity.RevokeAsync(command.RefreshToken!, cancellationToken);
        return Unit.Value;
    }
}
