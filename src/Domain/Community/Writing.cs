namespace EnSakITaget.Domain.Community;

/// <summary>Who wrote a post or a comment: their staff record and account when they have them, and the name shown.</summary>
/// <param name="StaffMemberId">The member of staff, when the writer takes part in the round.</param>
/// <param name="UserId">The account that wrote it: the only one that may edit it.</param>
/// <param name="Name">The name shown above the text; never an e-mail.</param>
public sealed record Author(Guid? StaffMemberId, Guid? UserId, string Name);

/// <summary>A version of a post or comment as it read before an edit: the history the author's edits keep.</summary>
public sealed class TextRevision
{
    private TextRevision()
    {
    }

    /// <summary>The title then; null for a comment.</summary>
    public string? Title { get; private set; }

    public string Body { get; private set; } = string.Empty;

    /// <summary>When this version was written (the post's creation or an earlier edit).</summary>
    public DateTimeOffset WrittenAt { get; private set; }

    internal static TextRevision Of(string? title, string body, DateTimeOffset writtenAt) => new() { Title = title, Body = body, WrittenAt = writtenAt };

    internal void Erase()
    {
        Title = Title is null ? null : Post.ErasedText;
        Body = Post.ErasedText;
    }
}

/// <summary>
/// An author's edit of a post or a comment, one rule for both: only the author edits, an edit that changes
/// nothing is no edit, and the version it replaces is kept in the history with when it was written.
/// </summary>
internal static class AuthorsEdit
{
    /// <param name="what">"post" or "comment", for the refusal.</param>
    /// <returns>Whether the text changes; when it does, the version before is in <paramref name="history"/>.</returns>
    public static bool KeepVersionBefore(
        List<TextRevision> history, string what, Guid? authorUserId, Guid? byUserId,
        (string? Title, string Body, DateTimeOffset WrittenAt) before, (string? Title, string Body) after)
    {
        if (byUserId is null || byUserId != authorUserId)
        {
            throw new CommunityRuleException($"Only the {what}'s author may edit it.");
        }

        if (before.Title == after.Title && before.Body == after.Body)
        {
            return false;
        }

        history.Add(TextRevision.Of(before.Title, before.Body, before.WrittenAt));
        return true;
    }

    /// <summary>The author is erased: every earlier version loses its words too.</summary>
    public static void Erase(List<TextRevision> history) => history.ForEach(h => h.Erase());
}
