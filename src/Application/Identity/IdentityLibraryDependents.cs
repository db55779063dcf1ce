using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Libraries.Contracts;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Identity;

/// <summary>Accounts' roles and unrevoked integration keys bound to a library keep it from being deleted.</summary>
internal sealed class IdentityLibraryDependents(IApplicationDbContext db) : ILibraryDependents
{
    public async Task<string?> DescribeAsync(Guid libraryId, CancellationToken cancellationToken)
    {
        var roles = await db.RoleAssignments.IgnoreQueryFilters().CountAsync(a => a.LibraryId == libraryId, cancellationToken);
        var keys = await db.ApiKeys.IgnoreQueryFilters().CountAsync(k => k.LibraryId == libraryId && k.RevokedAt == null, cancellationToken);
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
