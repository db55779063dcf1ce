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
    public async Task<IReadOnlyDictionary<Guid, BlogWeek>> SinceAsync(IReadOnlyCollection<Guid> roundIds, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var ids = roundIds.ToArray();
        // Compared here rather than in SQL: SQLite, the default provider, cannot compare DateTimeOffset.
        var posts = (await db.Posts.AsNoTracking().Where(p => ids.Contains(p.RoundId))
                .Select(p => new { p.RoundId, p.CreatedAt, Awaiting = p.Publication == PublicationState.Requested && p.Moderation.HiddenAt == null })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.RoundId);
        var comments = (await db.Comments.AsNoTracking().Where(c => ids.Contains(c.RoundId)).Select(c => new { c.RoundId, c.CreatedAt }).ToListAsync(cancellationToken))
            .ToLookup(c => c.RoundId, c => c.CreatedAt);
        return ids.Distinct().ToDictionary(id => id, id => new BlogWeek(
            posts[id].Count(p => p.CreatedAt > since), comments[id].Count(c => c > since), posts[id].Count(p => p.Awaiting)));
    }

    public async Task<IReadOnlyDictionary<Guid, BlogWeekNews>> NewsSinceAsync(IReadOnlyCollection<Guid> roundIds, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var ids = roundIds.ToArray();
        var posts = await db.Posts.AsNoTracking().Where(p => ids.Contains(p.RoundId) && p.Moderation.HiddenAt == null)
            .Select(p => new { p.RoundId, p.Id, p.Title, p.AuthorName, p.CreatedAt })
            .ToListAsync(cancellationToken);
        var visible = posts.Select(p => p.Id).ToHashSet();
        var comments = (await db.Comments.AsNoTracking().Where(c => ids.Contains(c.RoundId) && c.Moderation.HiddenAt == null)
                .Select(c => new { c.RoundId, c.PostId, c.CreatedAt })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.RoundId);
        var postsOf = posts.ToLookup(p => p.RoundId);
        return ids.Distinct().ToDictionary(id => id, id => new BlogWeekNews(
            [.. postsOf[id].Where(p => p.CreatedAt > since).OrderBy(p => p.CreatedAt).Select(p => new BlogWeekPost(p.Title, p.AuthorName))],
            comments[id].Count(c => c.CreatedAt > since && visible.Contains(c.PostId))));
    }
}
