using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Domain.Identity;

namespace EnSakITaget.Infrastructure.Identity;

/// <summary>
/// Holds the caller of one request (or one piece of background work). Authentication records who
/// signed in; then, before any handler runs, the scope they act in is fixed, once, from that and
/// the endpoint's policy (<see cref="FixScope"/>); background work is given the system's scope
/// explicitly (<see cref="RunAsSystem"/>). A fixed scope never changes. Until it is fixed it
/// admits nothing, so a query that runs without a caller finds nothing.
/// </summary>
public sealed class CurrentUser : ICurrentUser, ILibraryScope
{
    private SignedInUser? user;
    private CallerScope? key;
    private CallerScope? scope;

    /// <summary>What the database's query filters and the audit trail read.</summary>
    public CallerScope Scope => scope ?? CallerScope.Nobody;

    public Guid? UserId => Scope.UserId;
    public string Name => Scope.Name;
    public string? Email => Scope.Email;
    public Guid? ApiKeyId => Scope.ApiKeyId;
    public IReadOnlyList<ScopedGrant> Grants => Scope.Grants;
    public bool IsUnrestricted => Scope.IsUnrestricted;
    IReadOnlyList<Guid> ILibraryScope.LibraryIds => Scope.ScopeLibraryIds;

    public static CurrentUser System()
    {
        var system = new CurrentUser();
        system.RunAsSystem();
        return system;
    }

    /// <summary>Background work and set-up act in the system's scope, every library.</summary>
    public void RunAsSystem() => Fix(CallerScope.System);

    /// <summary>Authentication proved a user: their scope is fixed later, by the endpoint's policy.</summary>
    public void SignIn(Guid userId, string name, string? email, IReadOnlyList<ScopedGrant> grants) =>
        user = new SignedInUser(userId, name, email, grants);

    /// <summary>Authentication proved an integration key: its scope is its subtree.</summary>
    public void SignInWithKey(Guid apiKeyId, string keyName, IReadOnlySet<Guid> subtree, Guid? countyId) =>
        key = CallerScope.ForKey(apiKeyId, keyName, subtree, countyId);

    /// <summary>
    /// Fixes the request's scope: the signed-in user's grants of the roles the endpoint allows
    /// (null: every role), a key's subtree, or nothing for a caller who did not sign in.
    /// </summary>
    /// <exception cref="InvalidOperationException">The scope was fixed already.</exception>
    public void FixScope(IReadOnlyCollection<Role>? endpointRoles) => Fix(
        key ?? (user is { } u ? CallerScope.ForUser(u.UserId, u.Name, u.Email, u.Grants, endpointRoles) : CallerScope.Nobody));

    private void Fix(CallerScope fixedScope)
    {
        if (scope is not null)
        {
            throw new InvalidOperationException("The caller's scope is fixed once, before any handler runs, and cannot change.");
        }

        scope = fixedScope;
    }

    private sealed record SignedInUser(Guid UserId, string Name, string? Email, IReadOnlyList<ScopedGrant> Grants);
}
