using Mediator;

namespace EnSakITaget.Application.Community.GetPost;

/// <summary>One post of the round's blog, with its earlier versions for its author and whoever runs the round.</summary>
public sealed record GetPostQuery(Guid RoundId, Guid PostId) : IQuery<PostDto>;

internal sealed class GetPostQueryHandler(CommunityAccess access, CommunityViews views) : IQueryHandler<GetPostQuery, PostDto>
{
    public async ValueTask<PostDto> Handle(GetPostQuery query, CancellationToken cancellationToken)
    {
        var reader = await access.ReaderAsync(query.RoundId, cancellationToken);
        var post = await access.PostAsync(reader, query.PostId, tracked: false, cancellationToken);
        return await views.PostAsync(post, reader, cancellationToken);
    }
}
