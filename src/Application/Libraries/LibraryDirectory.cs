using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Domain.Common;
using EnSakITaget.Domain.Libraries;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Libraries;

internal sealed class LibraryDirectory(IApplicationDbContext db, LibraryTreeCache trees) : ILibraryDirectory
{
    private TreeShape? shape;

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
        return nodes.ToDictionary(n => n.Id, n => new LibrarySummary(n.Id, n.Name, n.Type.Level(), n.ParentId));
    }

    public async Task<IReadOnlyList<LibrarySummary>> ListVisibleAsync(LibraryLevel level, CancellationToken cancellationToken)
    {
        var types = Enum.GetValues<LibraryNodeType>().Where(t => t.Level() == level).ToList();
        var nodes = await db.Libraries.AsNoTracking()
            .Where(n => types.Contains(n.Type))
            .Select(n => new { n.Id, n.Name, n.Type, n.ParentId })
            .ToListAsync(cancellationToken);
        return [.. nodes.Select(n => new LibrarySummary(n.Id, n.Name, n.Type.Level(), n.ParentId))];
    }

    public async Task<IReadOnlyList<LibraryFacts>> VisibleTreeAsync(CancellationToken cancellationToken)
    {
        var nodes = await db.Libraries.AsNoTracking()
            .Select(n => new { n.Id, n.Name, n.Type, n.ParentId, n.StaffCount })
            .ToListAsync(cancellationToken);
        return [.. nodes.Select(n => new LibraryFacts(n.Id, n.Name, n.Type.ToString(), n.Type.Level(), n.ParentId, n.StaffCount))];
    }

    public async Task<IReadOnlySet<Guid>> SubtreeIdsAsync(Guid root, CancellationToken cancellationToken) =>
        (await ShapeAsync(cancellationToken)).SubtreeOf(root);

    public async Task<Guid?> CountyOfAsync(Guid libraryId, CancellationToken cancellationToken) =>
        (await ShapeAsync(cancellationToken)).CountyOf(libraryId);

    public async Task<LibraryLevel?> LevelOfAsync(Guid libraryId, CancellationToken cancellationToken) =>
        (await ShapeAsync(cancellationToken)).LevelOf(libraryId);

    public Task<LibrarySummary?> FindMunicipalityByCodeAsync(string municipalityCode, CancellationToken cancellationToken) =>
        db.MunicipalityWithCodeAsync(municipalityCode, cancellationToken);

    public Task<string?> CodeOfAsync(Guid libraryId, CancellationToken cancellationToken) => db.CodeOfAsync(libraryId, cancellationToken);

    /// <summary>Checked against the database once per request (this directory lives as long as one), and read again only when the tree changed.</summary>
    private async Task<TreeShape> ShapeAsync(CancellationToken cancellationToken) =>
        shape ??= await trees.CurrentAsync(db, cancellationToken);

}
