using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Paging;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Identity.ListApiKeys;

public sealed record ListApiKeysQuery(int Page = 1, int PageSize = PagingDefaults.PageSize) : IQuery<PagedList<ApiKeyDto>>, IPagedQuery;

internal sealed class ListApiKeysQueryValidator : AbstractValidator<ListApiKeysQuery>
{
    public ListApiKeysQueryValidator() => Include(new PagingRules());
}

internal sealed class ListApiKeysQueryHandler(IApplicationDbContext db) : IQueryHandler<ListApiKeysQuery, PagedList<ApiKeyDto>>
{
    public async ValueTask<PagedList<ApiKeyDto>> Handle(ListApiKeysQuery query, CancellationToken cancellationToken) =>
        await db.ApiKeys
            .OrderBy(k => k.Name).ThenBy(k => k.Id)
            .Select(k => new ApiKeyDto(k.Id, k.Name, k.LibraryId, k.CreatedAt, k.LastUsedAt, k.RevokedAt))
            .ToPagedListAsync(query, cancellationToken);
}
