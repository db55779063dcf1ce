using EnSakITaget.Web.Common.Api;

namespace EnSakITaget.Web.Libraries;

/// <summary>One row of the tree as the reader sees it: open branches show their children, closed ones hide them.</summary>
public sealed record VisibleNode(LibraryTreeDto Node, LibraryTreeDto? Parent, int Level, int PositionInSet, int SetSize)
{
    public Guid Id => Node.Id!.Value;

    public bool HasChildren => Node.Children is { Count: > 0 };
}

/// <summary>
/// Which branches are open and which row has the focus, and what the keys of the WAI-ARIA tree
/// pattern do to them: up and down move between visible rows, right opens or goes to the first
/// child, left closes or goes to the parent, Home and End go to the first and last row.
/// </summary>
public sealed class LibraryTreeState
{
    private readonly HashSet<Guid> expanded = [];
    private IReadOnlyList<LibraryTreeDto> roots = [];

    public Guid? FocusedId { get; private set; }

    public IReadOnlyList<LibraryTreeDto> Roots => roots;

    public bool IsExpanded(Guid id) => expanded.Contains(id);

    /// <summary>A new tree from the API: the open branches and the focus stay where they still exist; the roots open at first.</summary>
    public void Show(IReadOnlyList<LibraryTreeDto> trees)
    {
        var first = roots.Count == 0;
        roots = trees;
        if (first)
        {
            foreach (var root in trees)
            {
                expanded.Add(root.Id!.Value);
            }
        }

        var visible = Visible();
        if (FocusedId is not { } focused || visible.All(v => v.Id != focused))
        {
            FocusedId = visible.FirstOrDefault()?.Id;
        }
    }

    public IReadOnlyList<VisibleNode> Visible()
    {
        var rows = new List<VisibleNode>();
        Add(roots, null, 1);
        return rows;

        void Add(IReadOnlyList<LibraryTreeDto> nodes, LibraryTreeDto? parent, int level)
        {
            for (var i = 0; i < nodes.Count; i++)
            {
                var node = nodes[i];
                rows.Add(new VisibleNode(node, parent, level, i + 1, nodes.Count));
                if (expanded.Contains(node.Id!.Value) && node.Children is { Count: > 0 } children)
                {
                    Add(children, node, level + 1);
                }
            }
        }
    }

    public void Focus(Guid id) => FocusedId = id;

    public void Toggle(Guid id)
    {
        if (!expanded.Remove(id))
        {
            expanded.Add(id);
        }
    }

    /// <summary>Opens every branch above <paramref name="id"/>, so that a node just added or moved can be seen.</summary>
    public void Reveal(Guid id)
    {
        foreach (var ancestor in PathTo(roots, id) ?? [])
        {
            expanded.Add(ancestor);
        }

        FocusedId = id;
    }

    /// <returns>Whether the key belongs to the tree (and the browser should do nothing more with it).</returns>
    public bool Press(string key)
    {
        var visible = Visible();
        var index = FocusedId is { } id ? IndexOf(visible, id) : -1;
        if (visible.Count == 0)
        {
            return false;
        }

        if (index < 0)
        {
            index = 0;
        }

        var row = visible[index];
        switch (key)
        {
            case "ArrowDown":
                FocusedId = visible[Math.Min(index + 1, visible.Count - 1)].Id;
                return true;
            case "ArrowUp":
                FocusedId = visible[Math.Max(index - 1, 0)].Id;
                return true;
            case "Home":
                FocusedId = visible[0].Id;
                return true;
            case "End":
                FocusedId = visible[^1].Id;
                return true;
            case "ArrowRight":
                if (row.HasChildren && !expanded.Contains(row.Id))
                {
                    expanded.Add(row.Id);
                }
                else if (row.HasChildren)
                {
                    FocusedId = row.Node.Children![0].Id;
                }

                return true;
            case "ArrowLeft":
                if (row.HasChildren && expanded.Contains(row.Id))
                {
                    expanded.Remove(row.Id);
                }
                else if (row.Parent is { } parent)
                {
                    FocusedId = parent.Id;
                }

                return true;
            default:
                return false;
        }
    }

    public LibraryTreeDto? Find(Guid id) => Find(roots, id);

    public LibraryTreeDto? ParentOf(Guid id) => PathTo(roots, id) is { Count: > 0 } path ? Find(path[^1]) : null;

    /// <summary>Every node of the tree, depth first.</summary>
    public IEnumerable<LibraryTreeDto> All() => roots.SelectMany(Descend);

    private static IEnumerable<LibraryTreeDto> Descend(LibraryTreeDto node) =>
        new[] { node }.Concat((node.Children ?? []).SelectMany(Descend));

    private static int IndexOf(IReadOnlyList<VisibleNode> visible, Guid id)
    {
        for (var i = 0; i < visible.Count; i++)
        {
            if (visible[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    private static LibraryTreeDto? Find(IEnumerable<LibraryTreeDto> nodes, Guid id)
    {
        foreach (var node in nodes)
        {
            if (node.Id == id)
            {
                return node;
            }

            if (Find(node.Children ?? [], id) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <returns>The ids above <paramref name="id"/>, root first, or null when it is not in the tree.</returns>
    private static List<Guid>? PathTo(IEnumerable<LibraryTreeDto> nodes, Guid id)
    {
        foreach (var node in nodes)
        {
            if (node.Id == id)
            {
                return [];
            }

            if (PathTo(node.Children ?? [], id) is { } below)
            {
                below.Insert(0, node.Id!.Value);
                return below;
            }
        }

        return null;
    }
}
