using EnSakITaget.Application.Common.Paging;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Community.ListComments;

/// <summary>The comments on a post, oldest first, as a conversation reads.</summary>
public sealed record ListCommentsQuery(Guid RoundId, Guid PostId, int Page = 1, int PageSize = PagingDefaults.PageSize)
    : IQuery<PagedList<CommentDto>>, IPagedQuery;

internal sealed class ListCommentsQueryValidator : AbstractValidator<ListCommentsQuery>
{
    public ListCommentsQueryValidator() => Include(new PagingRules());
}

internal sealed class ListCommentsQueryHandler(CommunityAccess access) : IQueryHandler<ListCommentsQuery, PagedList<CommentDto>>
{
    public async ValueTask<PagedList<CommentDto>> Handle(ListCommentsQuery query, CancellationToken cancellationToken)
    {
        var reader = await access.ReaderAsync(query.RoundId, cancellationToken);
        await access.PostAsync(reader, query.PostId, tracked: false, cancellationToken);
        var page = await access.CommentsOf(reader, query.PostId).AsNoTracking().OrderBy(c => c.Id).ToPagedListAsync(query, cancellationToken);
        return new PagedList<CommentDto>([.. page.Items.Select(c => PostViews.ViewOf(c, reader))], page.Page, page.PageSize, page.TotalCount);
    }
}
