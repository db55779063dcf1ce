using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Caching;
using EnSakITaget.Domain.Common;
using EnSakITaget.Domain.Libraries;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Libraries;

/// <summary>
/// The whole tree's shape (each node's parent and type) in memory, for working out scopes and
/// counties on every request without walking the tree query by query. While change signals are
/// heard it is trusted until one says the tree changed; otherwise, and after such a signal, the
/// tree's revision in the database (moved on by a trigger with every change to a node, in its
/// transaction) is checked first, so no instance ever uses a tree that has changed.
/// </summary>
internal sealed class LibraryTreeCache(IChangeSignals signals)
{
    private readonly SignalledValue<TreeShape> shape = new(signals, ChangeTopic.LibraryTree);

    public ValueTask<TreeShape> CurrentAsync(IApplicationDbContext db, CancellationToken cancellationToken) =>
        shape.GetAsync((Cache: this, Db: db), static (state, token) => state.Cache.ReadAsync(state.Db, token), cancellationToken);

    /// <summary>The shape last read is kept while the tree's revision has not moved on.</summary>
    private async Task<TreeShape> ReadAsync(IApplicationDbContext db, CancellationToken cancellationToken)
    {
        var revision = await db.LibraryTreeRevisions.AsNoTracking()
            .Where(r => r.Id == LibraryTreeRevision.SingletonId)
            .Select(r => r.Value)
            .FirstOrDefaultAsync(cancellationToken);
        if (shape.Last is { Value: var known } && known.Revision == revision)
        {
            return known;
        }

        var nodes = await db.NodeShapesAsync(cancellationToken);
        return new TreeShape(revision, nodes.ToDictionary(n => n.Id, n => (n.ParentId, n.Type)));
    }
}

internal sealed class TreeShape(long revision, IReadOnlyDictionary<Guid, (Guid? ParentId, LibraryNodeType Type)> nodes)
{
    private readonly ILookup<Guid, Guid> children = nodes.Where(n => n.Value.ParentId is not null).ToLookup(n => n.Value.ParentId!.Value, n => n.Key);

    public long Revision { get; } = revision;

    public IReadOnlySet<Guid> SubtreeOf(Guid root)
    {
        var subtree = new HashSet<Guid>();
        if (!nodes.ContainsKey(root))
        {
            return subtree;
        }

        var pending = new Stack<Guid>([root]);
        while (pending.TryPop(out var id))
        {
            if (subtree.Add(id))
            {
                foreach (var child in children[id])
                {
                    pending.Push(child);
                }
            }
        }

        return subtree;
    }

    /// <summary>The level a node stands at; null for an unknown id.</summary>
    public LibraryLevel? LevelOf(Guid libraryId) => nodes.TryGetValue(libraryId, out var node) ? node.Type.Level() : null;

    public Guid? CountyOf(Guid libraryId)
    {
        Guid? id = libraryId;
        for (var depth = 0; id is { } current && depth < LibraryMappingProfile.MaxTreeDepth; depth++)
        {
            if (!nodes.TryGetValue(current, out var node))
            {
                return null;
            }

            if (node.Type == LibraryNodeType.County)
            {
                return current;
            }

            id = node.ParentId;
        }

        return null;
    }
}
