namespace EnSakITaget.Application.Community.Contracts;

/// <summary>What the Community module tells the coordinators' weekly digest about a round's blog.</summary>
public interface IRoundBlogWeek
{
    /// <summary>The round's blog since <paramref name="since"/>, read as the system (the digest is the system's letter).</summary>
    Task<BlogWeek> SinceAsync(Guid roundId, DateTimeOffset since, CancellationToken cancellationToken);
}

/// <param name="NewPosts">Posts written since.</param>
/// <param name="NewComments">Comments written since.</param>
/// <param name="AwaitingPublication">Posts whose authors ask for the public blog and wait for a coordinator's decision.</param>
public sealed record BlogWeek(int NewPosts, int NewComments, int AwaitingPublication)
{
    public bool IsQuiet => NewPosts == 0 && NewComments == 0 && AwaitingPublication == 0;
}
