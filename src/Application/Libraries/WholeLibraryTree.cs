using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Domain.Common;
using EnSakITaget.Domain.Libraries;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Libraries;

/// <summary>
/// The Libraries module's reads that pass the library scope by, because the tree is one whole:
/// every caller's scope is worked out from the whole tree's shape, a node is not moved under its
/// own descendant wherever its ancestors lie, and codes are unique among counties (and among a
/// county's municipalities) although a county administrator sees only their own.
/// <para>They return shapes, ids and yes or no; never a node's details.</para>
/// </summary>
internal static class WholeLibraryTree
{
    /// <summary>Every node's id, parent and type.</summary>
    public static Task<List<NodeShape>> NodeShapesAsync(this IApplicationDbContext db, CancellationToken cancellationToken) =>
        db.Libraries.IgnoreQueryFilters().AsNoTracking()
            .Select(n => new NodeShape(n.Id, n.ParentId, n.Type))
            .ToListAsync(cancellationToken);

    /// <summary>The parent of a node, null for a root or an unknown id.</summary>
    public static Task<Guid?> ParentIdOfAsync(this IApplicationDbContext db, Guid nodeId, CancellationToken cancellationToken) =>
        db.Libraries.IgnoreQueryFilters().Where(n => n.Id == nodeId).Select(n => n.ParentId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Whether another node of the type under the same parent has the code.</summary>
    public static Task<bool> IsCodeTakenAsync(
        this IApplicationDbContext db, LibraryNodeType type, string code, Guid? parentId, Guid? exceptId, CancellationToken cancellationToken) =>
        db.Libraries.IgnoreQueryFilters().AnyAsync(
            n => n.Type == type && n.Code == code && n.ParentId == parentId && n.Id != exceptId,
            cancellationToken);

    /// <summary>The municipal library organisation with a municipality code, whoever asks: its public blog is readable by anyone.</summary>
    public static Task<LibrarySummary?> MunicipalityWithCodeAsync(this IApplicationDbContext db, string code, CancellationToken cancellationToken) =>
        db.Libraries.IgnoreQueryFilters().AsNoTracking()
            .Where(n => n.Type == LibraryNodeType.Municipality && n.Code == code)
            .Select(n => new LibrarySummary(n.Id, n.Name, LibraryLevel.Municipality, n.ParentId))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>A library's code, whoever asks: a municipality's code is public, it names the library's public blog.</summary>
    public static Task<string?> CodeOfAsync(this IApplicationDbContext db, Guid libraryId, CancellationToken cancellationToken) =>
        db.Libraries.IgnoreQueryFilters().Where(n => n.Id == libraryId).Select(n => n.Code).FirstOrDefaultAsync(cancellationToken);
}

internal sealed record NodeShape(Guid Id, Guid? ParentId, LibraryNodeType Type);
