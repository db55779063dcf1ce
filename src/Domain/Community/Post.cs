namespace EnSakITaget.Domain.Community;

public enum PublicationState
{
    /// <summary>Only in the round's closed blog.</summary>
    RoundOnly,

    /// <summary>The author asks for it to be on the library's public blog; a coordinator decides.</summary>
    Requested,

    /// <summary>On the library's public blog.</summary>
    Approved,

    /// <summary>A coordinator said no; the author may ask again after an edit.</summary>
    Refused,
}

/// <summary>
/// A post on a round's closed blog: written by one of the round's people, edited by its author
/// alone (every earlier version kept), hidden by whoever runs the round with a reason, and, when
/// its author asks and a coordinator approves, also on the library's public blog.
/// </summary>
public sealed class Post
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 20_000;
    public const int MaxReasonLength = 500;

    /// <summary>Stands in for erased words: the post is still there, its text and author are gone.</summary>
    public const string ErasedText = "(raderad)";

    public const string ErasedAuthor = "(raderad person)";

    private Post()
    {
    }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }

    /// <summary>The round's home library: whose scope the post lies in, and whose public blog it may appear on.</summary>
    public Guid RoundLibraryId { get; private set; }

    /// <summary>The thing of the round the post is about, if any.</summary>
    public Guid? ThingId { get; private set; }

    /// <summary>Whether the post was published from the author's reflection on <see cref="ThingId"/>.</summary>
    public bool FromReflection { get; private set; }

    public Guid? AuthorStaffMemberId { get; private set; }
    public Guid? AuthorUserId { get; private set; }
    public string AuthorName { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public string Body { get; private set; } = string.Empty;
    public List<TextRevision> History { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public Moderation Moderation { get; private set; } = new();

    public PublicationState Publication { get; private set; }
    public DateTimeOffset? PublicationRequestedAt { get; private set; }
    public DateTimeOffset? PublicationDecidedAt { get; private set; }
    public string? PublicationDecidedBy { get; private set; }

    /// <summary>Why a coordinator refused the publication, for the author.</summary>
    public string? PublicationRefusal { get; private set; }

    /// <summary>The post's address on the public blog, once approved: its title in lower case ASCII and a piece of its id.</summary>
    public string? Slug { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Changes with every change: of two edits at once, only one saves.</summary>
    public int Revision { get; private set; }

    public bool IsHidden => Moderation.IsHidden;

    /// <summary>Whether the library's public blog shows it: approved and not hidden.</summary>
    public bool IsPublic => Publication == PublicationState.Approved && !IsHidden;

    public bool IsWrittenBy(Guid? userId) => userId is not null && AuthorUserId == userId;

    public static Post Write(Guid roundId, Guid roundLibraryId, Guid? thingId, Author author, string title, string body, DateTimeOffset now, bool fromReflection = false) => new()
    {
        Id = Guid.CreateVersion7(now),
        RoundId = roundId,
        RoundLibraryId = roundLibraryId,
        ThingId = thingId,
        FromReflection = fromReflection,
        AuthorStaffMemberId = author.StaffMemberId,
        AuthorUserId = author.UserId,
        AuthorName = author.Name,
        Title = title,
        Body = body,
        CreatedAt = now,
        UpdatedAt = now,
        Publication = PublicationState.RoundOnly,
    };

    /// <summary>The author changes the text; the version before is kept. A public post goes back to the coordinator's approval.</summary>
    public void Edit(Guid? byUserId, string title, string body, DateTimeOffset now)
    {
        if (!AuthorsEdit.KeepVersionBefore(History, "post", AuthorUserId, byUserId, (Title, Body, UpdatedAt), (title, body)))
        {
            return;
        }

        (Title, Body, UpdatedAt) = (title, body, now);
        if (Publication is PublicationState.Approved or PublicationState.Refused)
        {
            // What the coordinator approved is not what it says now.
            Publication = PublicationState.Requested;
            PublicationRequestedAt = now;
        }

        Revision++;
    }

    public void Hide(string reason, string by, DateTimeOffset now)
    {
        Moderation.Hide(reason, by, now);
        Revision++;
    }

    public void Unhide()
    {
        Moderation.Unhide("post");
        Revision++;
    }

    public void RequestPublication(Guid? byUserId, DateTimeOffset now)
    {
        if (!IsWrittenBy(byUserId))
        {
            throw new CommunityRuleException("Only the post's author may ask for it to be published.");
        }

        if (IsHidden)
        {
            throw new CommunityRuleException("A hidden post cannot be published.");
        }

        if (Publication == PublicationState.Approved)
        {
            throw new CommunityRuleException("The post is on the public blog already.");
        }

        (Publication, PublicationRequestedAt, PublicationRefusal) = (PublicationState.Requested, now, null);
        Revision++;
    }

    /// <summary>A coordinator approves what the author asked for: the post appears on the library's public blog.</summary>
    public void ApprovePublication(string by, DateTimeOffset now)
    {
        EnsureRequested();
        if (IsHidden)
        {
            throw new CommunityRuleException("A hidden post cannot be published.");
        }

        (Publication, PublicationDecidedAt, PublicationDecidedBy, PublicationRefusal) = (PublicationState.Approved, now, by, null);
        Slug ??= Slugs.Of(Title, Id);
        PublishedAt ??= now;
        Revision++;
    }

    public void RefusePublication(string by, string? reason, DateTimeOffset now)
    {
        EnsureRequested();
        (Publication, PublicationDecidedAt, PublicationDecidedBy, PublicationRefusal) = (PublicationState.Refused, now, by, reason);
        Revision++;
    }

    /// <summary>The author is erased: the post stays, in its place, but its words and its author are gone, and it leaves the public blog.</summary>
    public void Erase(DateTimeOffset now)
    {
        (Title, Body, AuthorName, AuthorStaffMemberId, AuthorUserId) = (ErasedText, ErasedText, ErasedAuthor, null, null);
        AuthorsEdit.Erase(History);
        if (Publication != PublicationState.RoundOnly)
        {
            (Publication, PublicationRefusal) = (PublicationState.RoundOnly, null);
        }

        UpdatedAt = now;
        Revision++;
    }

    private void EnsureRequested()
    {
        if (Publication != PublicationState.Requested)
        {
            throw new CommunityRuleException("Its author has not asked for the post to be published.");
        }
    }
}
