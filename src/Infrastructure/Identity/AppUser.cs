using EnSakITaget.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace EnSakITaget.Infrastructure.Identity;

/// <summary>An account. Its roles, and so the libraries it belongs to, are audited as role assignments.</summary>
public sealed class AppUser : IdentityUser<Guid>, IAudited
{
    public string DisplayName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    Guid? IAudited.AuditLibraryId => null;

    string IAudited.AuditEntityType => "User";
}
