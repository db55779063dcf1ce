namespace EnSakITaget.Application.Community.Contracts;

/// <summary>What the Community module tells the weekly digests about a round's blog: the coordinators' and the participants'.</summary>
public interface IRoundBlogWeek
{
    /// <summary>Each round's blog since <paramref name="since"/>, read as the system (the digest is the system's letter); every round asked for is in the answer.</summary>
    Task<IReadOnlyDictionary<Guid, BlogWeek>> SinceAsync(IReadOnlyCollection<Guid> roundIds, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// For the participants' digest, per round: the visible posts written since <paramref name="since"/>,
    /// oldest first, by title and author (never their bodies), and how many visible comments on visible
    /// posts. Every round asked for is in the answer.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, BlogWeekNews>> NewsSinceAsync(IReadOnlyCollection<Guid> roundIds, DateTimeOffset since, CancellationToken cancellationToken);
}

/// <param name="NewPosts">Posts written since.</param>
/// <param name="NewComments">Comments written since.</param>
/// <param name="AwaitingPublication">Posts whose authors ask for the public blog and wait for a coordinator's decision.</param>
public sealed record BlogWeek(int NewPosts, int NewComments, int AwaitingPublication)
{
    public bool IsQuiet => NewPosts == 0 && NewComments == 0 && AwaitingPublication == 0;
}

/// <param name="Posts">The new posts nobody has hidden, oldest first.</param>
/// <param name="NewComments">The new comments nobody has hidden, on posts nobody has hidden.</param>
public sealed record BlogWeekNews(IReadOnlyList<BlogWeekPost> Posts, int NewComments)
{
    public bool IsQuiet => Posts.Count == 0 && NewComments == 0;
}

public sealed record BlogWeekPost(string Title, string Author);
