using System.Security.Cryptography;

namespace EnSakITaget.Domain.Messaging;

/// <summary>What a person wants of a kind of letter.</summary>
public enum NotificationChoice
{
    /// <summary>Sent as soon as it is queued (combined with what else waits for the person).</summary>
    AtOnce,

    /// <summary>Held back and sent with the rest of the week's letters, as one.</summary>
    Weekly,

    /// <summary>Not sent at all.</summary>
    Off,
}

/// <summary>
/// What one e-mail address wants to receive, and in which language. Kept by address, not by
/// account: an invited member of staff has letters before they have an account. The unsubscribe
/// token is random and only turns kinds off, so a letter's one-click link needs no sign-in.
/// </summary>
public sealed class NotificationSettings
{
    public const int MaxChoicesLength = 1_000;

    private NotificationSettings()
    {
    }

    /// <summary>In lower case: one row per address.</summary>
    public string Email { get; private set; } = string.Empty;

    /// <summary><c>sv</c> (the default) or <c>en</c>.</summary>
    public string Language { get; private set; } = "sv";

    public string UnsubscribeToken { get; private set; } = string.Empty;

    /// <summary>
    /// The choices made, as <c>Kind=Choice;Kind=Choice</c>: those other than <see cref="NotificationChoice.AtOnce"/>,
    /// and at once for a kind that is not at once by default (a weekly digest), so that the choice outlives the default.
    /// </summary>
    public string Choices { get; private set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; private set; }

    public static string Normalise(string email) => email.Trim().ToLowerInvariant();

    public static NotificationSettings For(string email, DateTimeOffset now) => new()
    {
        Email = Normalise(email),
        UnsubscribeToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_'),
        UpdatedAt = now,
    };

    public IReadOnlyDictionary<string, NotificationChoice> AllChoices =>
        Choices.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair.Length == 2 && Enum.TryParse<NotificationChoice>(pair[1], out _))
            .ToDictionary(pair => pair[0], pair => Enum.Parse<NotificationChoice>(pair[1]), StringComparer.Ordinal);

    /// <param name="kind">The kind of letter.</param>
    /// <param name="byDefault">What the person gets of this kind when they have not chosen.</param>
    public NotificationChoice ChoiceFor(string kind, NotificationChoice byDefault = NotificationChoice.AtOnce) => AllChoices.GetValueOrDefault(kind, byDefault);

    /// <param name="language">The language to change to; null keeps it.</param>
    /// <param name="choices">The kinds to change; a kind left out keeps its choice.</param>
    /// <param name="now">When.</param>
    /// <param name="notAtOnceByDefault">The kinds whose default is not at once: a choice of at once for them is kept, not left to the default.</param>
    public void Choose(
        string? language, IReadOnlyDictionary<string, NotificationChoice> choices, DateTimeOffset now, IReadOnlySet<string>? notAtOnceByDefault = null)
    {
        if (language is not null)
        {
            Language = language;
        }

        var before = AllChoices;
        var all = new Dictionary<string, NotificationChoice>(before, StringComparer.Ordinal);
        foreach (var (kind, choice) in choices)
        {
            all[kind] = choice;
        }

        // An at-once kept before was kept for its kind's default: a later change without the defaults (an unsubscribe) keeps it.
        var kept = all.Where(c => c.Value != NotificationChoice.AtOnce || notAtOnceByDefault?.Contains(c.Key) == true || before.ContainsKey(c.Key));
        Choices = string.Join(';', kept.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));
        UpdatedAt = now;
    }

    /// <summary>The one-click unsubscribe: these kinds off, the rest as they were.</summary>
    public void TurnOff(IEnumerable<string> kinds, DateTimeOffset now) =>
        Choose(null, kinds.Distinct().ToDictionary(k => k, _ => NotificationChoice.Off), now);
}
