using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Identity;

/// <summary>
/// Who may see and manage which accounts. A user is visible when one of their roles lies in the
/// caller's scope; the caller may change them only when every role they hold, before and after,
/// is one the caller could grant there.
/// </summary>
internal sealed class UserAccess(IApplicationDbContext db, ICurrentUser caller, ILibraryDirectory libraries)
{
    /// <summary>The ids of the users the caller may see, or null when they may see everyone.</summary>
    public async Task<IReadOnlyCollection<Guid>?> VisibleUserIdsAsync(CancellationToken cancellationToken) =>
        caller.IsAdministrator
            ? null
            : await db.RoleAssignments.Select(a => a.UserId).Distinct().ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<RoleAssignment>> VisibleRolesOfAsync(Guid userId, CancellationToken cancellationToken)
    {
        var roles = await db.AllRolesOfAsync(userId, cancellationToken);
        var visible = caller.IsAdministrator || roles.Any(r => r.LibraryId is { } id && caller.Grants.Any(g => g.Covers(id)));
        return visible ? roles : throw new NotFoundException("User", userId);
    }

    public void EnsureMayChange(IEnumerable<RoleAssignment> existing)
    {
        foreach (var role in existing)
        {
            if (!MayGrant(role.Role, role.LibraryId))
            {
                throw new ForbiddenAccessException($"You may not change an account that holds the role {role.Role} there.");
            }
        }
    }

    /// <summary>Turns requested roles into assignments, refusing any the caller may not grant.</summary>
    public async Task<IReadOnlyList<RoleAssignment>> GrantAsync(Guid userId, IReadOnlyList<RoleInput> requested, CancellationToken cancellationToken)
    {
        var libraryIds = requested.Where(r => r.LibraryId is not null).Select(r => r.LibraryId!.Value).ToList();
        var found = await libraries.FindManyAsync(libraryIds, cancellationToken);
        var assignments = new List<RoleAssignment>();
        for (var i = 0; i < requested.Count; i++)
        {
            var (role, libraryId) = (requested[i].Role!.Value, requested[i].LibraryId);
            LibrarySummary? library = null;
            if (libraryId is { } id && !found.TryGetValue(id, out library))
            {
                throw new ValidationException($"roles[{i}].libraryId", $"There is no library {id}.");
            }

            if (!MayGrant(role, libraryId))
            {
                throw new ForbiddenAccessException($"You may not grant the role {role} there.");
            }

            assignments.Add(RoleAssignment.Grant(userId, role, library is null ? null : (library.Id, library.Level)));
        }

        return assignments;
    }

    public async Task<IReadOnlyList<RoleGrantDto>> DescribeAsync(IEnumerable<RoleAssignment> roles, CancellationToken cancellationToken)
    {
        var list = roles.ToList();
        return Describe(list, await NamesOfAsync(list, cancellationToken));
    }

    public async Task<UserDto> ToDtoAsync(UserAccount account, IEnumerable<RoleAssignment> roles, CancellationToken cancellationToken) =>
        (await ToDtosAsync([account], roles.ToLookup(r => r.UserId), cancellationToken))[0];

    /// <summary>A page of accounts with their roles, reading the libraries' names once for the whole page.</summary>
    public async Task<IReadOnlyList<UserDto>> ToDtosAsync(
        IReadOnlyList<UserAccount> accounts, ILookup<Guid, RoleAssignment> roles, CancellationToken cancellationToken)
    {
        var names = await NamesOfAsync([.. accounts.SelectMany(a => roles[a.Id])], cancellationToken);
        return [.. accounts.Select(a => new UserDto(a.Id, a.Email, a.DisplayName, Describe(roles[a.Id], names), a.CreatedAt, a.LockedOutUntil, a.AwaitingActivation))];
    }

    private Task<IReadOnlyDictionary<Guid, LibrarySummary>> NamesOfAsync(IReadOnlyList<RoleAssignment> roles, CancellationToken cancellationToken) =>
        libraries.FindManyAsync([.. roles.Where(r => r.LibraryId is not null).Select(r => r.LibraryId!.Value).Distinct()], cancellationToken);

    /// <summary>Only the roles the caller can see: an account's roles in other organisations stay theirs.</summary>
    private IReadOnlyList<RoleGrantDto> Describe(IEnumerable<RoleAssignment> roles, IReadOnlyDictionary<Guid, LibrarySummary> names) =>
        [.. roles
            .Where(r => caller.IsAdministrator || r.UserId == caller.UserId || (r.LibraryId is { } id && names.ContainsKey(id)))
            .Select(r => new RoleGrantDto(r.Role, r.LibraryId, r.LibraryId is { } id ? names.GetValueOrDefault(id)?.Name : null))];

    private bool MayGrant(Role role, Guid? libraryId) =>
        caller.Grants.Any(g => RoleAssignment.GrantableBy(g.Role).Contains(role)
            && (g.Role == Role.Administrator || (libraryId is { } id && g.Covers(id))));
}
