using EnSakITaget.Application.Common;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Identity.ActivateAccount;

/// <summary>An invited member of staff chooses a password with the token from the invitation, and is signed in.</summary>
public sealed record ActivateAccountCommand(string? Token, string? Password) : ICommand<AuthTokens>
{
    public override string ToString() => nameof(ActivateAccountCommand);
}

internal sealed class ActivateAccountCommandValidator : AbstractValidator<ActivateAccountCommand>
{
    public ActivateAccountCommandValidator()
    {
        RuleFor(c => c.Token).NotEmpty().MaximumLength(AccountTokenLimits.Token);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(Limits.Password);
    }
}

internal sealed class ActivateAccountCommandHandler(IAccountService accounts) : ICommandHandler<ActivateAccountCommand, AuthTokens>
{
    public async ValueTask<AuthTokens> Handle(ActivateAccountCommand command, CancellationToken cancellationToken) =>
        await accounts.ActivateAsync(command.Token!, command.Password!, cancellationToken);
}

internal static class AccountTokenLimits
{
    /// <summary>A token is 43 characters; a little room for what a mail program adds.</summary>
    public const int Token = 200;
}
