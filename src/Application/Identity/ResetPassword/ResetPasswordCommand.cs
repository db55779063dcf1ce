using EnSakITaget.Application.Common;
using EnSakITaget.Application.Identity.ActivateAccount;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Identity.ResetPassword;

/// <summary>A new password with the token from a password reset; every session of the account is signed out.</summary>
public sealed record ResetPasswordCommand(string? Token, string? Password) : ICommand
{
    public override string ToString() => nameof(ResetPasswordCommand);
}

internal sealed class ResetPasswordCommandValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordCommandValidator()
    {
        RuleFor(c => c.Token).NotEmpty().MaximumLength(AccountTokenLimits.Token);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(Limits.Password);
    }
}

internal sealed class ResetPasswordCommandHandler(IAccountService accounts) : ICommandHandler<ResetPasswordCommand>
{
    public async ValueTask<Unit> Handle(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        await accounts.ResetPasswordAsync(command.Token!, command.Password!, cancellationToken);
        return Unit.Value;
    }
}
