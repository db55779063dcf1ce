using EnSakITaget.Domain.Identity;

namespace EnSakITaget.Application.Common.Abstractions;

/// <summary>Who is calling: a signed-in user, an integration key, or the system itself (start-up, background work).</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    /// <summary>For the audit trail: the user's e-mail, the key's name, or "system".</summary>
    string Name { get; }

    /// <summary>A signed-in user's e-mail: how their account finds its staff record.</summary>
    string? Email { get; }

    Guid? ApiKeyId { get; }

    IReadOnlyList<ScopedGrant> Grants { get; }

    bool IsAdministrator => Grants.Any(g => g.Role == Role.Administrator);

    /// <summary>Whether the caller runs training at the library: an administrator, or a county admin or coordinator over it.</summary>
    bool RunsTrainingAt(Guid libraryId) =>
        Grants.Any(g => g.Role is Role.Administrator or Role.CountyAdmin or Role.Coordinator && g.Covers(libraryId));
}

/// <summary>One role the caller holds, every library id under the library it is bound to, and that library's county.</summary>
public sealed record ScopedGrant(Role Role, Guid? LibraryId, IReadOnlySet<Guid> Subtree, Guid? CountyId = null)
{
    public bool Covers(Guid libraryId) => Role == Role.Administrator || Subtree.Contains(libraryId);
}
