using EnSakITaget.Application.Common.Abstractions;
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
public sealed class LibraryTreeCache(IChangeSignals signals)
{
    private volatile Kept? kept;

    public async Task<TreeShape> CurrentAsync(IApplicationDbContext db, CancellationToken cancellationToken)
    {
        var stamp = signals.StampOf(ChangeTopic.LibraryTree);
        if (stamp is not null && kept is { } trusted && trusted.Stamp == stamp)
        {
            return trusted.Shape;
        }

        var revision = await db.LibraryTreeRevisions.AsNoTracking()
            .Where(r => r.Id == LibraryTreeRevision.SingletonId)
            .Select(r => r.Value)
            .FirstOrDefaultAsync(cancellationToken);

        if (kept is { } known && known.Shape.Revision == revision)
        {
            kept = known with { Stamp = stamp };
            return known.Shape;
        }

        var nodes = await db.NodeShapesAsync(cancellationToken);
        var loaded = new TreeShape(revision, nodes.ToDictionary(n => n.Id, n => (n.ParentId, n.Type)));
        kept = new Kept(stamp, loaded);
        return loaded;
    }

    private sealed record Kept(long? Stamp, TreeShape Shape);
}

public sealed class TreeShape(long revision, IReadOnlyDictionary<Guid, (Guid? ParentId, LibraryNodeType Type)> nodes)
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
