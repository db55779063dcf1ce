using System.Security.Claims;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Caching;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Infrastructure.Persistence;

namespace EnSakITaget.Infrastructure.Identity;

/// <summary>
/// Works out a signed-in user's roles and scope on every request, so a removed role stops working
/// at once. The account is read from the database once and then kept until a change signal says
/// an account, a role or the library tree changed (on any instance; see <see cref="IChangeSignals"/>).
/// </summary>
internal sealed class CallerLoader(Lazy<AppDbContext> database, CurrentUser caller, Lazy<ILibraryDirectory> directory, CallerLoader.KnownAccounts known)
{
    public const string SecurityStampClaim = "stamp";

    /// <returns>False when the account is gone, or its password or e-mail changed since the token was issued.</returns>
    public async Task<bool> SignInAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(principal.FindFirstValue("sub"), out var userId))
        {
            return false;
        }

        var account = await known.Accounts.GetAsync(userId, ReadAsync, cancellationToken);
        if (account is null || account.SecurityStamp != principal.FindFirstValue(SecurityStampClaim))
        {
            return false;
        }

        caller.SignIn(userId, account.Email ?? userId.ToString(), account.Email, account.Grants);
        if (principal.Identity is ClaimsIdentity identity)
        {
            identity.AddClaims(account.Grants.Select(g => g.Role.ToString()).Distinct().Select(role => new Claim(ClaimTypes.Role, role)));
        }

        return true;
    }

    private async Task<Account?> ReadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var (db, libraries) = (database.Value, directory.Value);

        var user = await db.SigningInAccountAsync(userId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var grants = new List<ScopedGrant>();
        foreach (var role in user.Roles)
        {
            grants.Add(role.LibraryId is { } root
                ? new ScopedGrant(role.Role, root, await libraries.SubtreeIdsAsync(root, cancellationToken), await libraries.CountyOfAsync(root, cancellationToken))
                : new ScopedGrant(role.Role, null, new HashSet<Guid>()));
        }

        return new Account(user.Email, user.SecurityStamp, grants);
    }

    internal sealed record Account(string? Email, string? SecurityStamp, IReadOnlyList<ScopedGrant> Grants);

    /// <summary>The accounts kept between requests: their roles' scopes depend on the tree as well.</summary>
    public sealed class KnownAccounts(IChangeSignals signals)
    {
        internal SignalledMap<Guid, Account?> Accounts { get; } = new(signals, ChangeTopic.Access, ChangeTopic.LibraryTree);
    }
}
