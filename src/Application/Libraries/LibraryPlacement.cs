using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Domain.Libraries;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Libraries;

/// <summary>Reads what a node needs to know about the tree around it before it is placed.</summary>
internal static class LibraryPlacement
{
    public static async Task<LibraryNode?> FindParentAsync(
        this IApplicationDbContext db, Guid? parentId, CancellationToken cancellationToken)
    {
        if (parentId is null)
        {
            return null;
        }

        return await db.Libraries.FirstOrDefaultAsync(n => n.Id == parentId, cancellationToken)
            ?? throw new ValidationException("parentId", $"There is no library {parentId}.");
    }

    public static async Task<IReadOnlyCollection<Guid>> AncestorIdsOfAsync(
        this IApplicationDbContext db, LibraryNode? node, CancellationToken cancellationToken)
    {
        var ancestors = new List<Guid>();
        var nextId = node?.ParentId;
        while (nextId is { } id && !ancestors.Contains(id))
        {
            ancestors.Add(id);
            nextId = await db.ParentIdOfAsync(id, cancellationToken);
        }

        return ancestors;
    }

    /// <summary>County codes are unique among counties, municipality codes within their county.</summary>
    public static async Task EnsureCodeIsFreeAsync(
        this IApplicationDbContext db, LibraryNodeDetails details, Guid? parentId, Guid? exceptId, CancellationToken cancellationToken)
    {
        if (details.Code is null || details.Type.IsUnit())
        {
            return;
        }

        // Whoever asks: a county admin sees only their own county, yet its code must differ from every other's.
        if (await db.IsCodeTakenAsync(details.Type, details.Code, parentId, exceptId, cancellationToken))
        {
            throw new ConflictException(details.Type == LibraryNodeType.County
                ? $"County code {details.Code} is already used by another county."
                : $"Municipality code {details.Code} is already used in this county.");
        }
    }
}
