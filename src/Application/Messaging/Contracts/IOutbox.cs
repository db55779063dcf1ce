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

    /// <summary>Many letters at once, with one look for those queued before per thousand: a release to a whole county.</summary>
    /// <returns>How many were queued.</returns>
    Task<int> QueueManyAsync(IReadOnlyList<Letter> letters, CancellationToken cancellationToken);

    /// <summary>When this letter was queued, or null: a reminder follows the first letter after some days.</summary>
    Task<DateTimeOffset?> QueuedAtAsync(string recipientEmail, string kind, string aboutKey, CancellationToken cancellationToken);

    /// <summary>When each of these letters was queued, or null, in their order: one look per thousand, not one per letter.</summary>
    Task<IReadOnlyList<DateTimeOffset?>> QueuedAtAsync(IReadOnlyList<(string RecipientEmail, string Kind, string AboutKey)> letters, CancellationToken cancellationToken);

    /// <summary>Drops those of these letters that wait unsent, in the transaction under way: the person should no longer get them.</summary>
    /// <returns>How many were dropped.</returns>
    Task<int> DropWaitingAsync(IReadOnlyList<(string RecipientEmail, string Kind, string AboutKey)> letters, CancellationToken cancellationToken);
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
    public const string ThingReleased = nameof(ThingReleased);
    public const string DeadlineApproaching = nameof(DeadlineApproaching);
    public const string SurveyOpen = nameof(SurveyOpen);
    public const string SurveyReminder = nameof(SurveyReminder);
    public const string ReflectionAcknowledged = nameof(ReflectionAcknowledged);
    public const string CoordinatorDigest = nameof(CoordinatorDigest);
    public const string BlogDuty = nameof(BlogDuty);
    public const string RoundBlogWeek = nameof(RoundBlogWeek);

    /// <summary>What always goes, whatever the person has chosen: without them nobody can sign in.</summary>
    public static readonly IReadOnlySet<string> Essential = new HashSet<string>(StringComparer.Ordinal) { Invitation, PasswordReset };

    /// <summary>The kinds a person chooses about, one entry each (add a new kind here, on its own line).</summary>
    public static readonly IReadOnlyList<string> Optional =
    [
        ThingReleased,
        DeadlineApproaching,
        Nudge,
        SurveyOpen,
        SurveyReminder,
        ReflectionAcknowledged,
        CoordinatorDigest,
        BlogDuty,
        RoundBlogWeek,
    ];

    /// <summary>The kinds that are weekly unless the person chooses otherwise: digests that gather a week by nature.</summary>
    public static readonly IReadOnlySet<string> WeeklyByDefault = new HashSet<string>(StringComparer.Ordinal) { RoundBlogWeek };

    /// <summary>What a person gets of this kind when they have not chosen.</summary>
    public static Domain.Messaging.NotificationChoice DefaultFor(string kind) =>
        WeeklyByDefault.Contains(kind) ? Domain.Messaging.NotificationChoice.Weekly : Domain.Messaging.NotificationChoice.AtOnce;
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

/// <summary>An account made by an administrator without a password: the person chooses it through the link.</summary>
/// <param name="InvitedBy">Who made the account: their name.</param>
/// <param name="Token">The single-use activation token, in the link.</param>
public sealed record AccountInvitationLetter(string To, string RecipientName, Guid AccountId, Guid TokenId, string InvitedBy, string Token, DateTimeOffset ExpiresAt)
    : Letter(To, RecipientName, AccountId)
{
    public override string Kind => LetterKinds.Invitation;

    /// <summary>Each link is its own letter: sending again is a new token.</summary>
    public override string AboutKey => $"token/{TokenId}";
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

    /// <summary>The nudge's moment in microseconds, the precision the database keeps it in, so the key can be found again from the stored event.</summary>
    public override string AboutKey => KeyFor(RoundId, NudgedAt);

    public static string KeyFor(Guid roundId, DateTimeOffset nudgedAt) => $"{roundId}/{nudgedAt.UtcTicks / TimeSpan.TicksPerMicrosecond}";
}

/// <summary>The week a weekly letter is about, as its key and its text name it.</summary>
public static class LetterWeek
{
    /// <summary>The ISO week of a day, e.g. 2010-W09.</summary>
    public static string Of(DateOnly day) =>
        System.Globalization.ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)).ToString(System.Globalization.CultureInfo.InvariantCulture)
        + "-W" + System.Globalization.ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What a letter about a round names: the round, its library and the page it is about.</summary>
public sealed record RoundOfLetter(Guid Id, string Title, string LibraryName);

/// <summary>A thing of the round has been released; one letter per thing and person (several waiting are sent as one).</summary>
public sealed record ThingReleasedLetter(string To, string RecipientName, RoundOfLetter Round, Guid ThingId, int Position, string ThingTitle, int EstimatedMinutes)
    : Letter(To, RecipientName, null)
{
    public override string Kind => LetterKinds.ThingReleased;

    public override string AboutKey => ThingId.ToString();
}

/// <param name="ThingsLeft">How many released things the person has still to report.</param>
public sealed record DeadlineLetter(string To, string RecipientName, RoundOfLetter Round, DateOnly Deadline, int ThingsLeft)
    : Letter(To, RecipientName, null)
{
    public override string Kind => LetterKinds.DeadlineApproaching;

    public override string AboutKey => $"{Round.Id}/{Deadline:yyyy-MM-dd}";
}

/// <summary>The round's closing survey is open to the person; a round has one survey, so the round is what it is about.</summary>
public sealed record SurveyOpenLetter(string To, string RecipientName, RoundOfLetter Round, DateOnly? ClosesOn)
    : Letter(To, RecipientName, null)
{
    public override string Kind => LetterKinds.SurveyOpen;

    public override string AboutKey => Round.Id.ToString();
}

/// <summary>The one reminder, to someone who has not answered yet.</summary>
public sealed record SurveyReminderLetter(string To, string RecipientName, RoundOfLetter Round, DateOnly? ClosesOn)
    : Letter(To, RecipientName, null)
{
    public override string Kind => LetterKinds.SurveyReminder;

    public override string AboutKey => Round.Id.ToString();
}

public sealed record ReflectionAcknowledgedLetter(
    string To, string RecipientName, RoundOfLetter Round, Guid ThingId, string ThingTitle, string AcknowledgedBy, string? Comment)
    : Letter(To, RecipientName, null)
{
    public override string Kind => LetterKinds.ReflectionAcknowledged;

    public override string AboutKey => $"{Round.Id}/{ThingId}";
}

/// <summary>A week of a round, for its coordinators.</summary>
/// <param name="Week">The ISO week, e.g. 2010-W12: one digest per round and week.</param>
/// <param name="Reports">Who reported which thing during the week.</param>
/// <param name="AwaitingAcknowledgement">Reflections no coordinator has acknowledged yet.</param>
/// <param name="Laggards">Who is behind or has been quiet.</param>
/// <param name="Spread">How many have reported how many things: (things reported, people).</param>
public sealed record CoordinatorDigestLetter(
    string To, string RecipientName, Guid CoordinatorId, RoundOfLetter Round, string Week, int Enrolled,
    IReadOnlyList<DigestLine> Reports, IReadOnlyList<DigestLine> AwaitingAcknowledgement, IReadOnlyList<string> Laggards,
    IReadOnlyList<(int ThingsReported, int People)> Spread)
    : Letter(To, RecipientName, CoordinatorId)
{
    public override string Kind => LetterKinds.CoordinatorDigest;

    /// <summary>The round's blog in the week: new posts and comments, and posts awaiting a publication decision; null leaves it out.</summary>
    public Community.Contracts.BlogWeek? Blog { get; init; }

    public override string AboutKey => $"{Round.Id}/{Week}";
}

public sealed record DigestLine(string Person, string ThingTitle);

/// <summary>The week someone is responsible for the library's blog begins; one letter per library and week.</summary>
/// <param name="MunicipalityCode">Where the library's public blog is (<c>/blogg/{code}</c>); null when the library has no code.</param>
/// <param name="WeekOf">The Monday of the duty week.</param>
public sealed record BlogDutyLetter(string To, string RecipientName, Guid LibraryId, string LibraryName, string? MunicipalityCode, DateOnly WeekOf)
    : Letter(To, RecipientName, null)
{
    public override string Kind => LetterKinds.BlogDuty;

    public override string AboutKey => $"{LibraryId}/{WeekOf:yyyy-MM-dd}";
}

/// <summary>
/// The participants' week of their round's blog: the new posts by title and author (never their text)
/// and how many new comments; one letter per round and ISO week, none in a week without either.
/// </summary>
/// <param name="Week">The ISO week, e.g. 2010-W09.</param>
public sealed record RoundBlogWeekLetter(
    string To, string RecipientName, RoundOfLetter Round, string Week, IReadOnlyList<Community.Contracts.BlogWeekPost> Posts, int NewComments)
    : Letter(To, RecipientName, null)
{
    public override string Kind => LetterKinds.RoundBlogWeek;

    public override string AboutKey => KeyFor(Round.Id, Week);

    public static string KeyFor(Guid roundId, string week) => $"{roundId}/{week}";

}
