using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Identity;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Infrastructure.Identity;

internal sealed class IdentityService(UserManager<AppUser> users, AppDbContext db, TokenIssuer tokens, TimeProvider time) : IIdentityService
{
    /// <summary>One answer for a wrong e-mail, a wrong password and a locked account, so that none tells which accounts exist.</summary>
    private const string RefusedLogin =
        "The e-mail or password is wrong, or the account is locked for a while after too many wrong passwords: wait, or ask an administrator to unlock it.";

    public async Task<AuthTokens> LoginAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Hash anyway, so that the answer takes as long whether or not the account exists.
            users.PasswordHasher.HashPassword(new AppUser(), password);
            throw new UnauthorizedException(RefusedLogin);
        }

        if (await users.IsLockedOutAsync(user))
        {
            // Checked all the same, and not counted: answered at once, a locked account would tell
            // by its speed that it exists and is locked.
            users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? users.PasswordHasher.HashPassword(user, password), password);
            throw new UnauthorizedException(RefusedLogin);
        }

        if (user.PasswordHash is null)
        {
            // Invited and not yet activated: hashed all the same, so the answer does not tell such an account apart.
            users.PasswordHasher.HashPassword(user, password);
            throw new UnauthorizedException(RefusedLogin);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            throw new UnauthorizedException(RefusedLogin);
        }

        await users.ResetAccessFailedCountAsync(user);
        return await IssueAsync(user, cancellationToken);
    }

    public async Task<AuthTokens> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var hash = TokenIssuer.Hash(refreshToken);
        var row = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(r => r.TokenHash == hash, cancellationToken)
            ?? throw new UnauthorizedException("The refresh token is not valid.");

        // Claim the token: of two requests racing with the same token, only one wins.
        var claimed = await db.RefreshTokens
            .Where(r => r.Id == row.Id && r.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RevokedAt, now), cancellationToken);
        if (claimed == 0)
        {
            await db.RefreshTokens
                .Where(r => r.UserId == row.UserId && r.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.RevokedAt, now), cancellationToken);
            throw new UnauthorizedException("The refresh token was used before; every session of the account has been signed out.");
        }

        var user = await users.FindByIdAsync(row.UserId.ToString());
        if (row.ExpiresAt <= now || user is null || await users.IsLockedOutAsync(user))
        {
            throw new UnauthorizedException("The refresh token is not valid.");
        }

        return await IssueAsync(user, cancellationToken);
    }

    public async Task RevokeAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var hash = TokenIssuer.Hash(refreshToken);
        await db.RefreshTokens
            .Where(r => r.TokenHash == hash && r.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RevokedAt, time.GetUtcNow()), cancellationToken);
    }

    public async Task<UserAccount?> FindUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? null : ToAccount(user);
    }

    public async Task<UserAccount?> FindUserByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalised = users.NormalizeEmail(email);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalised, cancellationToken);
        return user is null ? null : ToAccount(user);
    }

    public async Task<PagedList<UserAccount>> ListUsersAsync(
        IReadOnlyCollection<Guid>? onlyUserIds, IPagedQuery paging, CancellationToken cancellationToken)
    {
        var query = db.Users.AsNoTracking();
        if (onlyUserIds is not null)
        {
            var ids = onlyUserIds.ToArray();
            query = query.Where(u => ids.Contains(u.Id));
        }

        var page = await query.OrderBy(u => u.Email).ThenBy(u => u.Id).ToPagedListAsync(paging, cancellationToken);
        return new PagedList<UserAccount>([.. page.Items.Select(ToAccount)], page.Page, page.PageSize, page.TotalCount);
    }

    public async Task<UserAccount> CreateUserAsync(Guid userId, string email, string displayName, string? password, CancellationToken cancellationToken)
    {
        var user = new AppUser { Id = userId, Email = email, UserName = email, DisplayName = displayName, CreatedAt = time.GetUtcNow() };
        ThrowOnFailure(password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password));
        return ToAccount(user);
    }

    public async Task<UserAccount> UpdateUserAsync(Guid userId, string email, string displayName, string? newPassword, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException("User", userId);
        var credentialsChange = !string.IsNullOrEmpty(newPassword) || !string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase);

        // Replacing the account moves it on, its roles included (they are replaced with it), as a library's PUT does.
        user.MoveRevision();
        if (!string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase))
        {
            ThrowOnFailure(await users.SetEmailAsync(user, email));
            ThrowOnFailure(await users.SetUserNameAsync(user, email));
        }

        user.DisplayName = displayName;
        if (!string.IsNullOrEmpty(newPassword))
        {
            foreach (var validator in users.PasswordValidators)
            {
                ThrowOnFailure(await validator.ValidateAsync(users, user, newPassword));
            }

            user.PasswordHash = users.PasswordHasher.HashPassword(user, newPassword);
            ThrowOnFailure(await users.UpdateSecurityStampAsync(user));
        }

        ThrowOnFailure(await users.UpdateAsync(user));
        if (credentialsChange)
        {
            // A new password or e-mail signs out every session: access tokens fail on the security stamp, refresh tokens here.
            var now = time.GetUtcNow();
            await db.RefreshTokens
                .Where(r => r.UserId == userId && r.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.RevokedAt, now), cancellationToken);
        }

        return ToAccount(user);
    }

    public async Task DeleteUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException("User", userId);
        ThrowOnFailure(await users.DeleteAsync(user));
    }

    public async Task<UserAccount> UnlockUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException("User", userId);
        var locked = ToAccount(user).LockedOutUntil is not null;
        if (!locked && user.AccessFailedCount == 0)
        {
            return ToAccount(user);
        }

        // A lockout that has run out stays as it is: only lifting one is an administrator's change, which the audit trail records.
        if (locked)
        {
            user.LockoutEnd = null;
            user.MoveRevision();
        }

        user.AccessFailedCount = 0;
        ThrowOnFailure(await users.UpdateAsync(user));
        return ToAccount(user);
    }

    private async Task<AuthTokens> IssueAsync(AppUser user, CancellationToken cancellationToken)
    {
        var (accessToken, expiresIn) = tokens.IssueAccessToken(user);
        var (refreshToken, row) = tokens.IssueRefreshToken(user.Id);
        db.RefreshTokens.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new AuthTokens("Bearer", accessToken, expiresIn, refreshToken);
    }

    private UserAccount ToAccount(AppUser user) => new(
        user.Id, user.Email ?? string.Empty, user.DisplayName, user.CreatedAt,
        user.LockoutEnd is { } end && end > time.GetUtcNow() ? end : null, user.PasswordHash is null);

    private static void ThrowOnFailure(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        if (result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
        {
            throw new ConflictException("An account with this e-mail already exists.");
        }

        throw new ValidationException(result.Errors
            .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
    }
}
