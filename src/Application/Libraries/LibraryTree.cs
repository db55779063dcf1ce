using EnSakITaget.Domain.Libraries;

namespace EnSakITaget.Application.Libraries;

/// <summary>A node with its loaded children, assembled in memory from a subtree's rows.</summary>
public sealed class LibraryTree(LibraryNode node, IReadOnlyList<LibraryTree> children)
{
    public LibraryNode Node { get; } = node;
    public IReadOnlyList<LibraryTree> Children { get; } = children;

    /// <summary>Added up once, when the node is built, so that reading it never walks the tree.</summary>
    public int TotalStaffCount { get; } = (node.StaffCount ?? 0) + children.Sum(c => c.TotalStaffCount);

    public static LibraryTree Assemble(LibraryNode root, IEnumerable<LibraryNode> descendants)
    {
        var byParent = descendants.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!.Value);
        return Build(root);

        LibraryTree Build(LibraryNode node) =>
            new(node, [.. byParent[node.Id].OrderBy(n => n.Name, StringComparer.CurrentCulture).Select(Build)]);
    }
}
