using EnSakITaget.Application.Common.Abstractions;

namespace EnSakITaget.Infrastructure.Identity;

/// <summary>
/// The caller of one request (or one piece of background work), set once by authentication.
/// Until it is set the scope admits nothing, so a query that runs without a caller finds nothing.
/// </summary>
public sealed class CurrentUser : ICurrentUser, ILibraryScope
{
    public Guid? UserId { get; private set; }
    public string Name { get; private set; } = "anonymous";
    public string? Email { get; private set; }
    public Guid? ApiKeyId { get; private set; }
    public IReadOnlyList<ScopedGrant> Grants { get; private set; } = [];
    public bool IsUnrestricted { get; private set; }

    /// <summary>The scope as an array, the shape the database's query filters take as a parameter.</summary>
    public Guid[] ScopeLibraryIds { get; private set; } = [];

    /// <summary>The counties the caller's libraries lie in: what a county owns is read by all under it.</summary>
    public Guid[] ScopeCountyIds { get; private set; } = [];

    IReadOnlyList<Guid> ILibraryScope.LibraryIds => ScopeLibraryIds;

    public static CurrentUser System()
    {
        var system = new CurrentUser();
        system.RunAsSystem();
        return system;
    }

    public void RunAsSystem()
    {
        Name = "system";
        IsUnrestricted = true;
    }

    public void SignIn(Guid userId, string name, string? email, IReadOnlyList<ScopedGrant> grants)
    {
        UserId = userId;
        Name = name;
        Email = email;
        Grants = grants;
        ScopeBy(grants);
    }

    /// <summary>
    /// Keeps only the grants of the roles an endpoint allows: a coordinator of one municipality who
    /// takes part as a participant in another manages only the first.
    /// </summary>
    public void NarrowTo(IReadOnlyCollection<Domain.Identity.Role> roles)
    {
        if (ApiKeyId is null && !IsSystem)
        {
            ScopeBy([.. Grants.Where(g => roles.Contains(g.Role))]);
        }
    }

    private bool IsSystem => UserId is null && IsUnrestricted;

    private void ScopeBy(IReadOnlyList<ScopedGrant> grants)
    {
        IsUnrestricted = grants.Any(g => g.Role == Domain.Identity.Role.Administrator);
        ScopeLibraryIds = IsUnrestricted ? [] : [.. grants.SelectMany(g => g.Subtree).Distinct()];
        ScopeCountyIds = [.. grants.Where(g => g.CountyId is not null).Select(g => g.CountyId!.Value).Distinct()];
    }

    public void SignInWithKey(Guid apiKeyId, string keyName, IReadOnlySet<Guid> subtree, Guid? countyId)
    {
        ScopeCountyIds = countyId is { } county ? [county] : [];
        ApiKeyId = apiKeyId;
        Name = $"API key {keyName}";
        ScopeLibraryIds = [.. subtree];
    }
}
