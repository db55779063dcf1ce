using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Community.Contracts;
using EnSakITaget.Domain.Community;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Community;

/// <summary>
/// The coordinators' digest gets counts only; the participants' gets the new posts' titles and authors.
/// Neither ever quotes a post's or a comment's text, and nothing hidden is named.
/// </summary>
internal sealed class RoundBlogWeek(IApplicationDbContext db) : IRoundBlogWeek
{
    public async Task<BlogWeek> SinceAsync(Guid roundId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        // Compared here rather than in SQL: SQLite, the default provider, cannot compare DateTimeOffset.
        var posts = await db.Posts.AsNoTracking().Where(p => p.RoundId == roundId)
            .Select(p => new { p.CreatedAt, Awaiting = p.Publication == PublicationState.Requested && p.Moderation.HiddenAt == null })
            .ToListAsync(cancellationToken);
        var comments = await db.Comments.AsNoTracking().Where(c => c.RoundId == roundId).Select(c => c.CreatedAt).ToListAsync(cancellationToken);
        return new BlogWeek(posts.Count(p => p.CreatedAt > since), comments.Count(c => c > since), posts.Count(p => p.Awaiting));
    }

    public async Task<BlogWeekNews> NewsSinceAsync(Guid roundId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var posts = await db.Posts.AsNoTracking().Where(p => p.RoundId == roundId && p.Moderation.HiddenAt == null)
            .Select(p => new { p.Id, p.Title, p.AuthorName, p.CreatedAt })
            .ToListAsync(cancellationToken);
        var visible = posts.Select(p => p.Id).ToHashSet();
        var comments = await db.Comments.AsNoTracking().Where(c => c.RoundId == roundId && c.Moderation.HiddenAt == null)
            .Select(c => new { c.PostId, c.CreatedAt })
            .ToListAsync(cancellationToken);
        return new BlogWeekNews(
            [.. posts.Where(p => p.CreatedAt > since).OrderBy(p => p.CreatedAt).Select(p => new BlogWeekPost(p.Title, p.AuthorName))],
            comments.Count(c => c.CreatedAt > since && visible.Contains(c.PostId)));
    }
}
