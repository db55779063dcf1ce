using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Identity;

/// <summary>
/// The Identity module's reads that pass the library scope by, because an account spans
/// organisations: whether the caller may see or change an account depends on every role it holds
/// (<see cref="UserAccess"/> then shows only the roles the caller may see); other modules ask who
/// coordinates a library whoever's scope the question comes from; and a library is not deleted
/// while a role or an unrevoked key anywhere is bound to it.
/// <para>Every read is bound to given accounts or one library; none lists accounts outside the scope.</para>
/// </summary>
internal static class AccountsAcrossLibraries
{
    /// <summary>Every role an account holds, in every library.</summary>
    public static Task<List<RoleAssignment>> AllRolesOfAsync(this IApplicationDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.RoleAssignments.IgnoreQueryFilters().Where(a => a.UserId == userId).ToListAsync(cancellationToken);

    /// <summary>Every role the given accounts hold, in every library, by account.</summary>
    public static async Task<ILookup<Guid, RoleAssignment>> AllRolesOfAsync(
        this IApplicationDbContext db, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.ToList();
        return (await db.RoleAssignments.IgnoreQueryFilters().Where(a => ids.Contains(a.UserId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.UserId);
    }

    /// <summary>The accounts that hold the Coordinator role for exactly this library.</summary>
    public static async Task<IReadOnlySet<Guid>> CoordinatorIdsOfAsync(this IApplicationDbContext db, Guid libraryId, CancellationToken cancellationToken) =>
        (await db.RoleAssignments.IgnoreQueryFilters()
            .Where(a => a.Role == Role.Coordinator && a.LibraryId == libraryId)
            .Select(a => a.UserId)
            .ToListAsync(cancellationToken))
        .ToHashSet();

    /// <summary>How many roles, and how many unrevoked integration keys, are bound to a library.</summary>
    public static async Task<(int Roles, int Keys)> BoundToLibraryAsync(this IApplicationDbContext db, Guid libraryId, CancellationToken cancellationToken)
    {
        var roles = await db.RoleAssignments.IgnoreQueryFilters().CountAsync(a => a.LibraryId == libraryId, cancellationToken);
        var keys = await db.ApiKeys.IgnoreQueryFilters().CountAsync(k => k.LibraryId == libraryId && k.RevokedAt == null, cancellationToken);
        return (roles, keys);
    }
}
