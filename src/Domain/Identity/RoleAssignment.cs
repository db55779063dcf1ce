using EnSakITaget.Domain.Common;

namespace EnSakITaget.Domain.Identity;

/// <summary>One role a user holds, and the library subtree it acts on. A user may hold several.</summary>
public sealed class RoleAssignment : IAudited
{
    private RoleAssignment(Guid id, Guid userId, Role role, Guid? libraryId)
    {
        Id = id;
        UserId = userId;
        Role = role;
        LibraryId = libraryId;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public Role Role { get; private set; }

    /// <summary>The root of the subtree the role acts on; none for an administrator.</summary>
    public Guid? LibraryId { get; private set; }

    Guid? IAudited.AuditLibraryId => LibraryId;

    /// <param name="userId">Who gets the role.</param>
    /// <param name="role">The role.</param>
    /// <param name="library">The library the role is bound to, with its level; null for an administrator.</param>
    public static RoleAssignment Grant(Guid userId, Role role, (Guid Id, LibraryLevel Level)? library)
    {
        var expected = RequiredLevels(role);
        if (library is null && expected.Length > 0)
        {
            throw new AccessRuleException($"A {role} must be bound to a library.");
        }

        if (library is { } bound && !expected.Contains(bound.Level))
        {
            throw new AccessRuleException(expected.Length == 0
                ? $"An {role} is not bound to a library."
                : $"A {role} is bound to a {string.Join(" or ", expected)}, not to a {bound.Level}.");
        }

        return new RoleAssignment(Guid.CreateVersion7(), userId, role, library?.Id);
    }

    public static LibraryLevel[] RequiredLevels(Role role) => role switch
    {
        Role.Administrator => [],
        Role.CountyAdmin => [LibraryLevel.County],
        Role.Coordinator => [LibraryLevel.Municipality],
        _ => [LibraryLevel.Municipality, LibraryLevel.Unit],
    };

    /// <summary>Which roles a holder of <paramref name="role"/> may give to others inside their own subtree.</summary>
    public static IReadOnlyList<Role> GrantableBy(Role role) => role switch
    {
        Role.Administrator => [Role.Administrator, Role.CountyAdmin, Role.Coordinator, Role.Participant],
        Role.CountyAdmin => [Role.CountyAdmin, Role.Coordinator, Role.Participant],
        Role.Coordinator => [Role.Participant],
        _ => [],
    };
}
