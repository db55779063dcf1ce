using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Domain.Identity;

namespace EnSakITaget.Infrastructure.Identity;

/// <summary>
/// Who acts in a request (or a piece of background work) and the libraries they act in: built
/// once, never changed. The database's query filters read it on every query.
/// </summary>
public sealed class CallerScope : ICurrentUser, ILibraryScope
{
    /// <summary>No one: a query made in it finds nothing.</summary>
    public static readonly CallerScope Nobody = new(null, "anonymous", null, null, [], isUnrestricted: false, [], []);

    /// <summary>Background work and set-up: every library.</summary>
    public static readonly CallerScope System = new(null, "system", null, null, [], isUnrestricted: true, [], []);

    private CallerScope(
        Guid? userId, string name, string? email, Guid? apiKeyId, IReadOnlyList<ScopedGrant> grants,
        bool isUnrestricted, Guid[] libraryIds, Guid[] countyIds)
    {
        (UserId, Name, Email, ApiKeyId, Grants) = (userId, name, email, apiKeyId, grants);
        (IsUnrestricted, ScopeLibraryIds, ScopeCountyIds) = (isUnrestricted, libraryIds, countyIds);
    }

    public Guid? UserId { get; }
    public string Name { get; }
    public string? Email { get; }
    public Guid? ApiKeyId { get; }

    /// <summary>Every role the caller holds, whatever the endpoint: which of them scope the request is already in the ids.</summary>
    public IReadOnlyList<ScopedGrant> Grants { get; }

    public bool IsUnrestricted { get; }

    /// <summary>The scope as an array, the shape the database's query filters take as a parameter.</summary>
    public Guid[] ScopeLibraryIds { get; }

    /// <summary>The counties the caller's libraries lie in: what a county owns is read by all under it.</summary>
    public Guid[] ScopeCountyIds { get; }

    IReadOnlyList<Guid> ILibraryScope.LibraryIds => ScopeLibraryIds;

    /// <summary>
    /// A signed-in user acting through the grants of the roles an endpoint allows (all of them when
    /// <paramref name="actingAs"/> is null): a coordinator of one municipality who takes part as a
    /// participant in another manages only the first.
    /// </summary>
    public static CallerScope ForUser(Guid userId, string name, string? email, IReadOnlyList<ScopedGrant> grants, IReadOnlyCollection<Role>? actingAs)
    {
        var acting = actingAs is null ? grants : [.. grants.Where(g => actingAs.Contains(g.Role))];
        var unrestricted = acting.Any(g => g.Role == Role.Administrator);
        return new(
            userId, name, email, apiKeyId: null, grants, unrestricted,
            unrestricted ? [] : [.. acting.SelectMany(g => g.Subtree).Distinct()],
            [.. acting.Where(g => g.CountyId is not null).Select(g => g.CountyId!.Value).Distinct()]);
    }

    /// <summary>An integration key: its library's subtree, whatever the endpoint.</summary>
    public static CallerScope ForKey(Guid apiKeyId, string keyName, IReadOnlySet<Guid> subtree, Guid? countyId) =>
        new(null, $"API key {keyName}", null, apiKeyId, [], isUnrestricted: false, [.. subtree], countyId is { } county ? [county] : []);
}
