namespace EnSakITaget.Domain.Participants;

/// <summary>What the enrolment needs to know of its round to decide whether progress is taken.</summary>
/// <param name="IsOpen">Only an open round takes progress.</param>
/// <param name="IsClosed">A closed round takes nothing more.</param>
/// <param name="WorkAheadAllowed">Whether things may be started before they are released.</param>
/// <param name="ThingCount">Reporting this many things completes the enrolment.</param>
public sealed record RoundTerms(bool IsOpen, bool IsClosed, bool WorkAheadAllowed, int ThingCount);

/// <summary>One thing of the round as progress sees it.</summary>
public sealed record ThingTerms(Guid Id, int Position, string Title, DateTimeOffset? ReleasedAt, DateOnly? PlannedDate)
{
    public bool IsReleased => ReleasedAt is not null;
}

/// <summary>What a participant reports on a thing: a few lines, a link to a blog post, or both.</summary>
public sealed record Reflection(string? Text, string? Link)
{
    public const int MaxTextLength = 10_000;
    public const int MaxLinkLength = 2_000;

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Link);

    public Reflection Normalised() => new(
        string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(),
        string.IsNullOrWhiteSpace(Link) ? null : Link.Trim());
}

/// <summary>Who made a change: a signed-in user (their id and e-mail), or the system.</summary>
public sealed record Actor(Guid? UserId, string Name);
