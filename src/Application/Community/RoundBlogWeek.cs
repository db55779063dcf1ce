using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Community.Contracts;
using EnSakITaget.Domain.Community;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Community;

/// <summary>Counts only: the digest says how much happened on the blog and links to it, and never quotes a post.</summary>
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
}
