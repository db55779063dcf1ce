using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Domain.Community;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Community.ListPosts;

/// <summary>The round's blog, newest first; by thing, or the posts waiting for a publication decision.</summary>
public sealed record ListPostsQuery(Guid RoundId, Guid? ThingId = null, PublicationState? Publication = null, int Page = 1, int PageSize = PagingDefaults.PageSize)
    : IQuery<PagedList<PostDto>>, IPagedQuery;

internal sealed class ListPostsQueryValidator : AbstractValidator<ListPostsQuery>
{
    public ListPostsQueryValidator()
    {
        Include(new PagingRules());
        RuleFor(q => q.Publication).IsInEnum();
    }
}

internal sealed class ListPostsQueryHandler(CommunityAccess access, CommunityViews views) : IQueryHandler<ListPostsQuery, PagedList<PostDto>>
{
    public async ValueTask<PagedList<PostDto>> Handle(ListPostsQuery query, CancellationToken cancellationToken)
    {
        var reader = await access.ReaderAsync(query.RoundId, cancellationToken);
        var posts = access.PostsOf(reader).AsNoTracking();
        if (query.ThingId is { } thingId)
        {
            posts = posts.Where(p => p.ThingId == thingId);
        }

        if (query.Publication is { } state)
        {
            posts = posts.Where(p => p.Publication == state);
        }

        // Ids are time-ordered (version 7): newest first without ordering times, which SQLite cannot.
        var page = await posts.OrderByDescending(p => p.Id).ToPagedListAsync(query, cancellationToken);
        return new PagedList<PostDto>(await views.PostsAsync(page.Items, reader, cancellationToken), page.Page, page.PageSize, page.TotalCount);
    }
}
