using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Messaging.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Messaging.Notifications;

/// <summary>
/// The one-click unsubscribe of RFC 8058, without signing in: the token from a letter's
/// <c>List-Unsubscribe</c> turns off the kinds it names (every kind one may choose about, when it names none).
/// </summary>
/// <param name="Kinds">Comma-separated kinds, as the letter's link carries them.</param>
public sealed record UnsubscribeCommand(string Token, string? Kinds) : ICommand<UnsubscribedDto>
{
    public override string ToString() => nameof(UnsubscribeCommand);
}

/// <param name="Kinds">The kinds now turned off.</param>
public sealed record UnsubscribedDto(IReadOnlyList<string> Kinds);

internal sealed class UnsubscribeCommandHandler(IApplicationDbContext db, TimeProvider time) : ICommandHandler<UnsubscribeCommand, UnsubscribedDto>
{
    public async ValueTask<UnsubscribedDto> Handle(UnsubscribeCommand command, CancellationToken cancellationToken)
    {
        var settings = await db.NotificationSettings.FirstOrDefaultAsync(s => s.UnsubscribeToken == command.Token, cancellationToken)
            ?? throw new NotFoundException("This unsubscribe link is not known: it may be from an address that has been erased.");
        var kinds = KindsOf(command.Kinds);
        settings.TurnOff(kinds, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new UnsubscribedDto(kinds);
    }

    /// <summary>The kinds named that one may turn off; none named, or none known, is all of them.</summary>
    public static IReadOnlyList<string> KindsOf(string? kinds)
    {
        var named = (kinds ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(LetterKinds.Optional.Contains).Distinct().ToList();
        return named.Count > 0 ? named : [.. LetterKinds.Optional];
    }
}
