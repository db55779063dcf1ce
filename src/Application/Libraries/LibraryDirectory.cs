using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Contracts;
using EnSakITaget.Domain.Common;
using EnSakITaget.Domain.Libraries;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Libraries;

internal sealed class LibraryDirectory(IApplicationDbContext db) : ILibraryDirectory
{
    public async Task<LibrarySummary?> FindAsync(Guid libraryId, CancellationToken cancellationToken) =>
        (await FindManyAsync([libraryId], cancellationToken)).GetValueOrDefault(libraryId);

    public async Task<IReadOnlyDictionary<Guid, LibrarySummary>> FindManyAsync(
        IReadOnlyCollection<Guid> libraryIds, CancellationToken cancellationToken)
    {
        var ids = libraryIds.Distinct().ToList();
        var nodes = await db.Libraries.AsNoTracking()
            .Where(n => ids.Contains(n.Id))
            .Select(n => new { n.Id, n.Name, n.Type, n.ParentId })
            .ToListAsync(cancellationToken);
        return nodes.ToDictionary(n => n.Id, n => new LibrarySummary(n.Id, n.Name, LevelOf(n.Type), n.ParentId));
    }

    public async Task<IReadOnlyList<LibrarySummary>> ListVisibleAsync(LibraryLevel level, CancellationToken cancellationToken)
    {
        var types = Enum.GetValues<LibraryNodeType>().Where(t => LevelOf(t) == level).ToList();
        var nodes = await db.Libraries.AsNoTracking()
            .Where(n => types.Contains(n.Type))
            .Select(n => new { n.Id, n.Name, n.Type, n.ParentId })
            .ToListAsync(cancellationToken);
        return [.. nodes.Select(n => new LibrarySummary(n.Id, n.Name, LevelOf(n.Type), n.ParentId))];
    }

    public async Task<IReadOnlyList<LibraryFacts>> VisibleTreeAsync(CancellationToken cancellationToken)
    {
        var nodes = await db.Libraries.AsNoTracking()
            .Select(n => new { n.Id, n.Name, n.Type, n.ParentId, n.StaffCount })
            .ToListAsync(cancellationToken);
        return [.. nodes.Select(n => new LibraryFacts(n.Id, n.Name, n.Type.ToString(), LevelOf(n.Type), n.ParentId, n.StaffCount))];
    }

    public async Task<IReadOnlySet<Guid>> SubtreeIdsAsync(Guid root, CancellationToken cancellationToken)
    {
        var subtree = new HashSet<Guid>();
        if (!await db.Libraries.IgnoreQueryFilters().AnyAsync(n => n.Id == root, cancellationToken))
        {
            return subtree;
        }

        subtree.Add(root);
        List<Guid> level = [root];
        while (level.Count > 0)
        {
            var parents = level;
            level = await db.Libraries.IgnoreQueryFilters().AsNoTracking()
                .Where(n => n.ParentId != null && parents.Contains(n.ParentId.Value))
                .Select(n => n.Id)
                .ToListAsync(cancellationToken);
            level.RemoveAll(id => !subtree.Add(id));
        }

        return subtree;
    }

    public async Task<Guid?> CountyOfAsync(Guid libraryId, CancellationToken cancellationToken)
    {
        Guid? id = libraryId;
        for (var depth = 0; id is not null && depth < LibraryMappingProfile.MaxTreeDepth; depth++)
        {
            var node = await db.Libraries.IgnoreQueryFilters().AsNoTracking()
                .Where(n => n.Id == id)
                .Select(n => new { n.Type, n.ParentId })
                .FirstOrDefaultAsync(cancellationToken);
            if (node is null)
            {
                return null;
            }

            if (node.Type == LibraryNodeType.County)
            {
                return id;
            }

            id = node.ParentId;
        }

        return null;
    }

    private static LibraryLevel LevelOf(LibraryNodeType type) => type switch
    {
        LibraryNodeType.County => LibraryLevel.County,
        LibraryNodeType.Municipality => LibraryLevel.Municipality,
        _ => LibraryLevel.Unit,
    };
}
