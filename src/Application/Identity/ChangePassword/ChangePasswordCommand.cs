using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Identity.ChangePassword;

/// <summary>A signed-in user changes their own password; their other sessions are signed out.</summary>
public sealed record ChangePasswordCommand(string? CurrentPassword, string? NewPassword) : ICommand
{
    public override string ToString() => nameof(ChangePasswordCommand);
}

internal sealed class ChangePasswordCommandValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordCommandValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(Limits.Password);
        RuleFor(c => c.NewPassword).NotEmpty().MaximumLength(Limits.Password);
    }
}

internal sealed class ChangePasswordCommandHandler(IAccountService accounts, ICurrentUser caller) : ICommandHandler<ChangePasswordCommand>
{
    public async ValueTask<Unit> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var userId = caller.UserId ?? throw new UnauthorizedException("Only a signed-in user has a password to change.");
        await accounts.ChangePasswordAsync(userId, command.CurrentPassword!, command.NewPassword!, cancellationToken);
        return Unit.Value;
    }
}
