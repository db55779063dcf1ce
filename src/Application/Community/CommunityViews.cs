using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Domain.Community;

namespace EnSakITaget.Application.Community;

/// <summary>Posts as the reader sees them, with their comment counts and their public address.</summary>
internal sealed class CommunityViews(CommunityAccess access, ILibraryDirectory libraries)
{
    public async Task<PostDto> PostAsync(Post post, BlogReader reader, CancellationToken cancellationToken)
    {
        var counts = await access.CommentCountsAsync(reader, [post.Id], cancellationToken);
        var code = post.IsPublic ? await libraries.CodeOfAsync(post.RoundLibraryId, cancellationToken) : null;
        return PostViews.ViewOf(post, reader, counts.GetValueOrDefault(post.Id), code, withHistory: true);
    }

    public async Task<IReadOnlyList<PostDto>> PostsAsync(IReadOnlyList<Post> posts, BlogReader reader, CancellationToken cancellationToken)
    {
        var counts = await access.CommentCountsAsync(reader, [.. posts.Select(p => p.Id)], cancellationToken);
        var code = posts.Any(p => p.IsPublic) ? await libraries.CodeOfAsync(reader.Round.HomeLibraryId, cancellationToken) : null;
        return [.. posts.Select(p => PostViews.ViewOf(p, reader, counts.GetValueOrDefault(p.Id), code, withHistory: false))];
    }
}
