using EnSakITaget.Application.Common;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Identity.Login;

/// <summary>A request, not a command: a failed attempt must still count towards the lockout, so it runs outside the command transaction.</summary>
public sealed record LoginCommand(string? Email, string? Password) : IRequest<AuthTokens>
{
    public override string ToString() => $"{nameof(LoginCommand)} {{ Email = {Email} }}";
}

internal sealed class LoginCommandValidator : AbstractValidator<LoginCommand>
{
    public LoginCommandValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(Limits.Email);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(Limits.Password);
    }
}

internal sealed class LoginCommandHandler(IIdentityService identity) : IRequestHandler<LoginCommand, AuthTokens>
{
    public async ValueTask<AuthTokens> Handle(LoginCommand command, CancellationToken cancellationToken) =>
        await identity.LoginAsync(command.Email!, command.Password!, cancellationToken);
}
