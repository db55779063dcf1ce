using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Common.Paging;

public static class PagingExtensions
{
    /// <summary>Reads one page of an ordered query and the total count of the whole query.</summary>
    public static async Task<PagedList<T>> ToPagedListAsync<T>(
        this IQueryable<T> orderedQuery, IPagedQuery paging, CancellationToken cancellationToken)
    {
        var totalCount = await orderedQuery.CountAsync(cancellationToken);
        var items = await orderedQuery
            .Skip((paging.Page - 1) * paging.PageSize)
            .Take(paging.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedList<T>(items, paging.Page, paging.PageSize, totalCount);
    }
}
