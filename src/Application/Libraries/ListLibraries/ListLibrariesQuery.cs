using AutoMapper;
using AutoMapper.QueryableExtensions;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Domain.Libraries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Libraries.ListLibraries;

public sealed record ListLibrariesQuery(Guid? ParentId = null, LibraryNodeType? Type = null, int Page = 1, int PageSize = PagingDefaults.PageSize)
    : IQuery<PagedList<LibraryDto>>, IPagedQuery;

internal sealed class ListLibrariesQueryHandler(IApplicationDbContext db, IMapper mapper)
    : IQueryHandler<ListLibrariesQuery, PagedList<LibraryDto>>
{
    public async ValueTask<PagedList<LibraryDto>> Handle(ListLibrariesQuery query, CancellationToken cancellationToken)
    {
        var nodes = db.Libraries.AsNoTracking();
        if (query.ParentId is { } parentId)
        {
            nodes = nodes.Where(n => n.ParentId == parentId);
        }

        if (query.Type is { } type)
        {
            nodes = nodes.Where(n => n.Type == type);
        }

        return await nodes
            .OrderBy(n => n.Name).ThenBy(n => n.Id)
            .ProjectTo<LibraryDto>(mapper.ConfigurationProvider)
            .ToPagedListAsync(query, cancellationToken);
    }
}
