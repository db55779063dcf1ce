using EnSakITaget.Domain.Identity;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Infrastructure.Identity;

/// <summary>
/// The reads that pass the library scope by because they come before it: a caller's scope is
/// worked out from their account's roles or their key's library, so signing in with a token,
/// authenticating a key and creating the first administrator read these whoever (nobody yet) asks.
/// <para>Each read is bound to one account or one key, or answers yes or no.</para>
/// </summary>
internal static class SignInReads
{
    /// <summary>An account's e-mail, security stamp and every role it holds, in one round trip; null for an unknown account.</summary>
    public static Task<SigningInAccount?> SigningInAccountAsync(this AppDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.Users.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new SigningInAccount(u.Email, u.SecurityStamp, db.RoleAssignments.Where(a => a.UserId == u.Id).ToList()))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>A key by its id, in whatever library; tracked when its use is to be recorded.</summary>
    public static Task<ApiKey?> ApiKeyAsync(this AppDbContext db, Guid keyId, bool tracked, CancellationToken cancellationToken)
    {
        var keys = db.ApiKeys.IgnoreQueryFilters();
        return (tracked ? keys : keys.AsNoTracking()).FirstOrDefaultAsync(k => k.Id == keyId, cancellationToken);
    }

    /// <summary>Whether any account is an administrator.</summary>
    public static Task<bool> AnyAdministratorAsync(this AppDbContext db, CancellationToken cancellationToken) =>
        db.RoleAssignments.IgnoreQueryFilters().AnyAsync(a => a.Role == Role.Administrator, cancellationToken);
}

internal sealed record SigningInAccount(string? Email, string? SecurityStamp, List<RoleAssignment> Roles);
