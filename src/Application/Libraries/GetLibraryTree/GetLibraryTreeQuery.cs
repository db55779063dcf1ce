using AutoMapper;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Domain.Libraries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Libraries.GetLibraryTree;

public sealed record GetLibraryTreeQuery(Guid Id) : IQuery<LibraryTreeDto>;

internal sealed class GetLibraryTreeQueryHandler(IApplicationDbContext db, IMapper mapper)
    : IQueryHandler<GetLibraryTreeQuery, LibraryTreeDto>
{
    public async ValueTask<LibraryTreeDto> Handle(GetLibraryTreeQuery query, CancellationToken cancellationToken)
    {
        var root = await db.Libraries.AsNoTracking().FirstOrDefaultAsync(n => n.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Library", query.Id);

        // One query per level: the tree is at most three levels deep.
        var descendants = new List<LibraryNode>();
        List<Guid> level = [root.Id];
        for (var depth = 0; level.Count > 0 && depth < LibraryMappingProfile.MaxTreeDepth; depth++)
        {
            var parentIds = level;
            var children = await db.Libraries.AsNoTracking()
                .Where(n => n.ParentId != null && parentIds.Contains(n.ParentId.Value))
                .ToListAsync(cancellationToken);
            descendants.AddRange(children);
            level = [.. children.Select(c => c.Id)];
        }

        return mapper.Map<LibraryTreeDto>(LibraryTree.Assemble(root, descendants));
    }
}
