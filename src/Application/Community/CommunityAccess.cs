using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Application.Identity.Contracts;
using EnSakITaget.Application.Participants.Contracts;
using EnSakITaget.Domain.Community;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Community;

/// <summary>Who reads a round's blog, and as what: the writer they would be, and whether they run the round.</summary>
/// <param name="StaffMemberId">The reader's enrolment in the round, when they take part.</param>
/// <param name="RunsRound">Whoever runs the round (its coordinators, the administrators above): sees hidden posts and moderates.</param>
internal sealed record BlogReader(RoundPlan Round, Guid? UserId, Guid? StaffMemberId, bool RunsRound)
{
    public bool Sees(Post post) => !post.IsHidden || RunsRound || post.IsWrittenBy(UserId);

    public bool Sees(Comment comment) => !comment.IsHidden || RunsRound || comment.IsWrittenBy(UserId);
}

/// <summary>
/// Who reaches a round's blog: its participants, through their active enrolment (a pilot's scope
/// does not hold the round), and whoever runs the round, through their library scope. Everyone else
/// gets 404, as if the round did not exist. Once the caller's right to the round is checked, its
/// posts and comments are read past the library scope, here and in the public blog's reads only.
/// </summary>
internal sealed class CommunityAccess(
    IApplicationDbContext db, IRoundDirectory rounds, IParticipantDirectory participants, ICoordinatorDirectory accounts, ICurrentUser caller)
{
    /// <summary>Stands for a writer whose account has no name.</summary>
    public const string UnnamedWriter = "Kursledare";

    public async Task<BlogReader> ReaderAsync(Guid roundId, CancellationToken cancellationToken)
    {
        var plans = await rounds.PlansAsync([roundId], cancellationToken);
        if (!plans.TryGetValue(roundId, out var round))
        {
            throw new NotFoundException("Round", roundId);
        }

        var runs = caller.RunsTrainingAt(round.HomeLibraryId);
        var enrolment = await participants.OwnEnrolmentAsync(roundId, cancellationToken);
        var takesPart = enrolment is { HasWithdrawn: false };
        return runs || takesPart
            ? new BlogReader(round, caller.UserId, takesPart ? enrolment!.ParticipantId : null, runs)
            : throw new NotFoundException("Round", roundId);
    }

    /// <summary>A reader who runs the round: moderation and publication decisions.</summary>
    public async Task<BlogReader> ModeratorAsync(Guid roundId, CancellationToken cancellationToken)
    {
        var reader = await ReaderAsync(roundId, cancellationToken);
        return reader.RunsRound ? reader : throw new ForbiddenAccessException("Only whoever runs the round moderates its blog.");
    }

    /// <summary>The reader as a writer: their staff record's name when they take part, their account's name otherwise; never an e-mail.</summary>
    public async Task<Author> AuthorAsync(BlogReader reader, CancellationToken cancellationToken)
    {
        if (reader.StaffMemberId is { } staffId && (await participants.NamesAsync([staffId], cancellationToken)).TryGetValue(staffId, out var name))
        {
            return new Author(staffId, reader.UserId, name);
        }

        return new Author(null, reader.UserId, await NameOfCallerAsync(cancellationToken));
    }

    /// <summary>How a coordinator is named to authors of what they hid or decided: their account's name, not their e-mail.</summary>
    public async Task<string> NameOfCallerAsync(CancellationToken cancellationToken) =>
        caller.UserId is { } userId && await accounts.DisplayNameOfAsync(userId, cancellationToken) is { Length: > 0 } displayName
            ? displayName
            : UnnamedWriter;

    public IQueryable<Post> PostsOf(BlogReader reader) =>
        db.Posts.IgnoreQueryFilters().Where(p => p.RoundId == reader.Round.Id
            && (p.Moderation.HiddenAt == null || reader.RunsRound || (reader.UserId != null && p.AuthorUserId == reader.UserId)));

    public IQueryable<Comment> CommentsOf(BlogReader reader, Guid postId) =>
        db.Comments.IgnoreQueryFilters().Where(c => c.RoundId == reader.Round.Id && c.PostId == postId
            && (c.Moderation.HiddenAt == null || reader.RunsRound || (reader.UserId != null && c.AuthorUserId == reader.UserId)));

    /// <summary>A post the reader sees, or 404.</summary>
    public async Task<Post> PostAsync(BlogReader reader, Guid postId, bool tracked, CancellationToken cancellationToken)
    {
        var posts = PostsOf(reader).Where(p => p.Id == postId);
        return await (tracked ? posts : posts.AsNoTracking()).FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Post", postId);
    }

    /// <summary>A comment the reader sees on a post they see, or 404.</summary>
    public async Task<Comment> CommentAsync(BlogReader reader, Guid postId, Guid commentId, bool tracked, CancellationToken cancellationToken)
    {
        await PostAsync(reader, postId, tracked: false, cancellationToken);
        var comments = CommentsOf(reader, postId).Where(c => c.Id == commentId);
        return await (tracked ? comments : comments.AsNoTracking()).FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Comment", commentId);
    }

    /// <summary>How many comments of each post the reader sees.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> CommentCountsAsync(BlogReader reader, IReadOnlyCollection<Guid> postIds, CancellationToken cancellationToken)
    {
        var ids = postIds.ToArray();
        return await db.Comments.IgnoreQueryFilters()
            .Where(c => c.RoundId == reader.Round.Id && ids.Contains(c.PostId)
                && (c.Moderation.HiddenAt == null || reader.RunsRound || (reader.UserId != null && c.AuthorUserId == reader.UserId)))
            .GroupBy(c => c.PostId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    /// <summary>The library's approved, visible posts, for anyone: the public blog.</summary>
    public IQueryable<Post> PublicPostsOf(Guid municipalityId) =>
        db.Posts.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.RoundLibraryId == municipalityId && p.Publication == PublicationState.Approved && p.Moderation.HiddenAt == null);

    /// <summary>A person's posts and comments, wherever they lie, for their export and erasure.</summary>
    public IQueryable<Post> PostsBy(Guid? staffMemberId, Guid? userId) =>
        db.Posts.IgnoreQueryFilters().Where(p => (staffMemberId != null && p.AuthorStaffMemberId == staffMemberId) || (userId != null && p.AuthorUserId == userId));

    public IQueryable<Comment> CommentsBy(Guid? staffMemberId, Guid? userId) =>
        db.Comments.IgnoreQueryFilters().Where(c => (staffMemberId != null && c.AuthorStaffMemberId == staffMemberId) || (userId != null && c.AuthorUserId == userId));

    /// <summary>The posts and comments of closed rounds whose retention has run out.</summary>
    public IQueryable<Post> PostsOfRounds(Guid[] roundIds) => db.Posts.IgnoreQueryFilters().Where(p => roundIds.Contains(p.RoundId));

    public IQueryable<Comment> CommentsOfRounds(Guid[] roundIds) => db.Comments.IgnoreQueryFilters().Where(c => roundIds.Contains(c.RoundId));

    /// <summary>The rota of the round's home library, for the round's readers: who writes this week is no secret to them, whatever their scope.</summary>
    public Task<BlogDutyRota?> RotaOfRoundAsync(BlogReader reader, CancellationToken cancellationToken) =>
        db.BlogDutyRotas.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(r => r.LibraryId == reader.Round.HomeLibraryId, cancellationToken);

    /// <summary>Every blog-duty rota a person stands in, wherever its library lies, for their export and erasure (one rota per municipality: few enough to read whole).</summary>
    public async Task<IReadOnlyList<BlogDutyRota>> RotasWithAsync(Guid? staffMemberId, CancellationToken cancellationToken) =>
        staffMemberId is not { } id
            ? []
            : [.. (await db.BlogDutyRotas.IgnoreQueryFilters().ToListAsync(cancellationToken)).Where(r => r.Weeks.Any(w => w.StaffMemberId == id))];
}
