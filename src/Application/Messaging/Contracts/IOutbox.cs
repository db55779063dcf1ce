namespace EnSakITaget.Application.Messaging.Contracts;

/// <summary>
/// What the Messaging module offers other modules: a letter queued in the transaction under way,
/// sent once it commits. The same letter (recipient, kind, what it is about) is queued once only.
/// </summary>
public interface IOutbox
{
    /// <returns>Whether it was queued; false when the same letter was queued before.</returns>
    Task<bool> QueueAsync(Letter letter, CancellationToken cancellationToken);

    /// <summary>Whether this letter is queued already, to spare the work of writing it again (issuing a token, say).</summary>
    Task<bool> HasQueuedAsync(string recipientEmail, string kind, string aboutKey, CancellationToken cancellationToken);
}

/// <param name="To">The recipient's e-mail address.</param>
/// <param name="RecipientName">How the letter greets them.</param>
/// <param name="UserId">Their account, when they have one.</param>
public abstract record Letter(string To, string RecipientName, Guid? UserId)
{
    /// <summary>The kind of message: what a person may one day turn off, and what the outbox lists.</summary>
    public abstract string Kind { get; }

    /// <summary>What the letter is about: with the recipient and the kind, it makes the letter's identity.</summary>
    public abstract string AboutKey { get; }
}

public static class LetterKinds
{
    public const string Invitation = nameof(Invitation);
    public const string PasswordReset = nameof(PasswordReset);
    public const string Nudge = nameof(Nudge);
}

/// <param name="AboutKeyOf">The round, for an invitation that enrolment sends (once per round), or the token's id for one sent again.</param>
/// <param name="InvitedBy">Who invites: the coordinator's name, or the library's.</param>
/// <param name="Token">The single-use activation token, in the link.</param>
public sealed record InvitationLetter(
    string To, string RecipientName, string AboutKeyOf, string RoundTitle, string LibraryName, DateOnly KickOff, string InvitedBy,
    string Token, DateTimeOffset ExpiresAt)
    : Letter(To, RecipientName, null)
{
    public override string Kind => LetterKinds.Invitation;

    public override string AboutKey => AboutKeyOf;
}

public sealed record PasswordResetLetter(string To, string RecipientName, Guid AccountId, Guid TokenId, string Token, DateTimeOffset ExpiresAt)
    : Letter(To, RecipientName, AccountId)
{
    public override string Kind => LetterKinds.PasswordReset;

    public override string AboutKey => TokenId.ToString();
}

/// <param name="NudgedAt">Each nudge is its own letter.</param>
public sealed record NudgeLetter(
    string To, string RecipientName, Guid RoundId, string RoundTitle, string CoordinatorName, string? Message, DateTimeOffset NudgedAt)
    : Letter(To, RecipientName, null)
{
    public override string Kind => LetterKinds.Nudge;

    public override string AboutKey => $"{RoundId}/{NudgedAt.UtcTicks}";
}
