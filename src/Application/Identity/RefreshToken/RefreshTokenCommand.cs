using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Identity.RefreshToken;

public sealed record RefreshTokenCommand(string? RefreshToken) : IRequest<AuthTokens>
{
    public override string ToString() => nameof(RefreshTokenCommand);
}

internal sealed class RefreshTokenCommandValidator : AbstractValidator<RefreshTokenCommand>
{
    public RefreshTokenCommandValidator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(200);
}

internal sealed class RefreshTokenCommandHandler(IIdentityService identity) : IRequestHandler<RefreshTokenCommand, AuthTokens>
{
    public async ValueTask<AuthTokens> Handle(RefreshTokenCommand command, CancellationToken cancellationToken) =>
        await identity.RefreshAsync(command.RefreshToken!, cancellationToken);
}
