namespace EnSakITaget.Domain.Community;

/// <summary>
/// Whether whoever runs the round has hidden a post or a comment, when, why and who: the same
/// for both, so that the rules of hiding live in one place.
/// </summary>
public sealed class Moderation
{
    public DateTimeOffset? HiddenAt { get; private set; }

    /// <summary>Why it was hidden, shown to its author.</summary>
    public string? Reason { get; private set; }

    /// <summary>The name of whoever hid it (never their e-mail).</summary>
    public string? By { get; private set; }

    public bool IsHidden => HiddenAt is not null;

    internal void Hide(string reason, string by, DateTimeOffset now) => (HiddenAt, Reason, By) = (now, reason, by);

    /// <param name="what">"post" or "comment", for the refusal.</param>
    internal void Unhide(string what)
    {
        if (!IsHidden)
        {
            throw new CommunityRuleException($"The {what} is not hidden.");
        }

        (HiddenAt, Reason, By) = (null, null, null);
    }
}
