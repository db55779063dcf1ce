using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Libraries.Contracts;

namespace EnSakITaget.Application.Identity;

/// <summary>Accounts' roles and unrevoked integration keys bound to a library keep it from being deleted.</summary>
internal sealed class IdentityLibraryDependents(IApplicationDbContext db) : ILibraryDependents
{
    public async Task<string?> DescribeAsync(Guid libraryId, CancellationToken cancellationToken)
    {
        var (roles, keys) = await db.BoundToLibraryAsync(libraryId, cancellationToken);
        var parts = new List<string>();
        if (roles > 0)
        {
            parts.Add(roles == 1 ? "1 account's role" : $"{roles} accounts' roles");
        }

        if (keys > 0)
        {
            parts.Add(keys == 1 ? "1 integration key" : $"{keys} integration keys");
        }

        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }
}
