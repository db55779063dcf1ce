using System.Security.Claims;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Contracts;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Infrastructure.Identity;

/// <summary>Reads a signed-in user's roles and scope from the database on every request, so a removed role stops working at once.</summary>
public sealed class CallerLoader(AppDbContext db, CurrentUser caller, ILibraryDirectory libraries)
{
    public const string SecurityStampClaim = "stamp";

    /// <returns>False when the account is gone, or its password or e-mail changed since the token was issued.</returns>
    public async Task<bool> SignInAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(principal.FindFirstValue("sub"), out var userId))
        {
            return false;
        }

        // The account and its roles in one round trip: this runs on every request.
        var user = await db.Users.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.SecurityStamp, Roles = db.RoleAssignments.Where(a => a.UserId == u.Id).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null || user.SecurityStamp != principal.FindFirstValue(SecurityStampClaim))
        {
            return false;
        }

        var grants = new List<ScopedGrant>();
        foreach (var role in user.Roles)
        {
            grants.Add(role.LibraryId is { } root
                ? new ScopedGrant(role.Role, root, await libraries.SubtreeIdsAsync(root, cancellationToken), await libraries.CountyOfAsync(root, cancellationToken))
                : new ScopedGrant(role.Role, null, new HashSet<Guid>()));
        }

        caller.SignIn(userId, user.Email ?? userId.ToString(), user.Email, grants);
        if (principal.Identity is ClaimsIdentity identity)
        {
            identity.AddClaims(grants.Select(g => g.Role.ToString()).Distinct().Select(role => new Claim(ClaimTypes.Role, role)));
        }

        return true;
    }
}
