using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Messaging.Contracts;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Identity.RequestPasswordReset;

/// <summary>
/// Someone who forgot their password asks for a link. The answer is the same whether or not an
/// account has the e-mail: only the mailbox learns that.
/// </summary>
public sealed record RequestPasswordResetCommand(string? Email) : ICommand
{
    public override string ToString() => nameof(RequestPasswordResetCommand);
}

internal sealed class RequestPasswordResetCommandValidator : AbstractValidator<RequestPasswordResetCommand>
{
    public RequestPasswordResetCommandValidator() => RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(Limits.Email);
}

internal sealed class RequestPasswordResetCommandHandler(IAccountService accounts, IOutbox outbox, IApplicationDbContext db) : ICommandHandler<RequestPasswordResetCommand>
{
    public async ValueTask<Unit> Handle(RequestPasswordResetCommand command, CancellationToken cancellationToken)
    {
        if (await accounts.IssuePasswordResetAsync(command.Email!, cancellationToken) is { } reset)
        {
            await outbox.QueueAsync(
                new PasswordResetLetter(reset.Email, reset.DisplayName, reset.UserId, reset.TokenId, reset.Token, reset.ExpiresAt), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
