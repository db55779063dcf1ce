using EnSakITaget.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace EnSakITaget.Infrastructure.Identity;

/// <summary>An account. Its roles, and so the libraries it belongs to, are audited as role assignments.</summary>
public sealed class AppUser : IdentityUser<Guid>, IAudited
{
    public string DisplayName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Moves on with every change made to the account on someone's request (its e-mail, name,
    /// password or roles, a lifted lockout, its activation): the ETag that keeps two administrators
    /// from overwriting each other. Sign-in's own bookkeeping (failed attempts and the lockout they
    /// lead to) leaves it, or a stranger typing wrong passwords would refuse an administrator's change.
    /// </summary>
    public int Revision { get; private set; }

    Guid? IAudited.AuditLibraryId => null;

    string IAudited.AuditEntityType => "User";

    /// <summary>Someone changed the account: the change is saved with the next update of its row.</summary>
    internal void MoveRevision() => Revision++;
}
