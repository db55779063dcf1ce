namespace EnSakITaget.Domain.Community;

/// <summary>A comment on a post of a round's closed blog: edited by its author alone (earlier versions kept), hidden by whoever runs the round.</summary>
public sealed class Comment
{
    public const int MaxBodyLength = 5_000;

    private Comment()
    {
    }

    public Guid Id { get; private set; }
    public Guid PostId { get; private set; }
    public Guid RoundId { get; private set; }
    public Guid RoundLibraryId { get; private set; }
    public Guid? AuthorStaffMemberId { get; private set; }
    public Guid? AuthorUserId { get; private set; }
    public string AuthorName { get; private set; } = string.Empty;
    public string Body { get; private set; } = string.Empty;
    public List<TextRevision> History { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Moderation Moderation { get; private set; } = new();
    public int Revision { get; private set; }

    public bool IsHidden => Moderation.IsHidden;

    public bool IsWrittenBy(Guid? userId) => userId is not null && AuthorUserId == userId;

    public static Comment On(Post post, Author author, string body, DateTimeOffset now)
    {
        if (post.IsHidden)
        {
            throw new CommunityRuleException("The post is hidden: it takes no comments.");
        }

        return new Comment
        {
            Id = Guid.CreateVersion7(now),
            PostId = post.Id,
            RoundId = post.RoundId,
            RoundLibraryId = post.RoundLibraryId,
            AuthorStaffMemberId = author.StaffMemberId,
            AuthorUserId = author.UserId,
            AuthorName = author.Name,
            Body = body,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public void Edit(Guid? byUserId, string body, DateTimeOffset now)
    {
        if (!AuthorsEdit.KeepVersionBefore(History, "comment", AuthorUserId, byUserId, (null, Body, UpdatedAt), (null, body)))
        {
            return;
        }

        (Body, UpdatedAt) = (body, now);
        Revision++;
    }

    public void Hide(string reason, string by, DateTimeOffset now)
    {
        Moderation.Hide(reason, by, now);
        Revision++;
    }

    public void Unhide()
    {
        Moderation.Unhide("comment");
        Revision++;
    }

    public void Erase(DateTimeOffset now)
    {
        (Body, AuthorName, AuthorStaffMemberId, AuthorUserId, UpdatedAt) = (Post.ErasedText, Post.ErasedAuthor, null, null, now);
        AuthorsEdit.Erase(History);
        Revision++;
    }
}
