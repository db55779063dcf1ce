using System.Security.Cryptography;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Identity.Contracts;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Application.Identity;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Infrastructure.Identity;

/// <summary>Single-use tokens sent by e-mail, and what they open: a first password, or a new one.</summary>
internal sealed class AccountService(
    UserManager<AppUser> users, AppDbContext db, TokenIssuer tokens, ILibraryDirectory libraries,
    IOptions<AuthOptions> options, TimeProvider time)
    : IAccountService, IAccountInvitations
{
    private const string TokenField = "token";

    public async Task<IReadOnlySet<string>> EmailsWithAccountsAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken)
    {
        var normalised = emails.Select(e => users.NormalizeEmail(e)).Distinct().ToArray();
        var found = await db.Users.AsNoTracking().Where(u => normalised.Contains(u.NormalizedEmail!)).Select(u => u.Email!).ToListAsync(cancellationToken);
        return found.Select(e => e.ToLowerInvariant()).ToHashSet();
    }

    public async Task<IReadOnlySet<string>> EmailsAwaitingActivationAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken)
    {
        var lower = emails.Select(e => e.ToLowerInvariant()).Distinct().ToArray();
        var now = time.GetUtcNow();
        var found = await db.AccountTokens.AsNoTracking()
            .Where(t => t.Purpose == AccountTokenPurpose.Invitation && t.UsedAt == null && t.ExpiresAt > now && lower.Contains(t.Email.ToLower()))
            .Select(t => t.Email)
            .ToListAsync(cancellationToken);
        return found.Select(e => e.ToLowerInvariant()).ToHashSet();
    }

    public IssuedInvitation Issue(Invitee invitee)
    {
        var (token, row) = NewToken(AccountTokenPurpose.Invitation, invitee.Email, TimeSpan.FromDays(options.Value.InvitationDays));
        row.StaffMemberId = invitee.StaffMemberId;
        row.DisplayName = invitee.Name;
        row.LibraryId = invitee.UnitId;
        db.AccountTokens.Add(row);
        return new IssuedInvitation(row.Id, token, row.ExpiresAt);
    }

    public async Task<AuthTokens> ActivateAsync(string token, string password, CancellationToken cancellationToken)
    {
        var invitation = await RedeemAsync(AccountTokenPurpose.Invitation, token, cancellationToken);
        if (invitation.UserId is { } accountId)
        {
            return await ActivateMadeAccountAsync(accountId, password, cancellationToken);
        }

        if (await users.FindByEmailAsync(invitation.Email) is not null)
        {
            throw new ValidationException(TokenField, "An account with this e-mail exists already: sign in, or ask for a new password.");
        }

        // The token proved who this is: the account is made at the unit the invitation was for.
        var unitId = invitation.LibraryId!.Value;
        var unitLevel = await libraries.LevelOfAsync(unitId, cancellationToken)
            ?? throw new ValidationException(TokenField, "The library this invitation was for no longer exists: ask the coordinator for a new one.");
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(), Email = invitation.Email, UserName = invitation.Email, DisplayName = invitation.DisplayName ?? invitation.Email,
            CreatedAt = time.GetUtcNow(), EmailConfirmed = true,
        };
        ThrowOnFailure(await users.CreateAsync(user, password), "password");
        db.RoleAssignments.Add(RoleAssignment.Grant(user.Id, Role.Participant, (unitId, unitLevel)));
        return await SignInAsync(user, cancellationToken);
    }

    public async Task<AccountInvitationIssued> IssueAccountInvitationAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException("User", userId);
        if (user.PasswordHash is not null)
        {
            throw new ConflictException("The account has a password already: its owner signs in, or asks for a new password.");
        }

        var (token, row) = NewToken(AccountTokenPurpose.Invitation, user.Email!, TimeSpan.FromDays(options.Value.InvitationDays));
        row.UserId = user.Id;
        row.DisplayName = user.DisplayName;
        db.AccountTokens.Add(row);
        return new AccountInvitationIssued(user.Id, user.Email!, user.DisplayName, row.Id, token, row.ExpiresAt);
    }

    public async Task<PasswordResetIssued?> IssuePasswordResetAsync(string email, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            return null;
        }

        var (token, row) = NewToken(AccountTokenPurpose.PasswordReset, user.Email!, TimeSpan.FromMinutes(options.Value.PasswordResetMinutes));
        row.UserId = user.Id;
        db.AccountTokens.Add(row);
        return new PasswordResetIssued(user.Id, user.Email!, user.DisplayName, row.Id, token, row.ExpiresAt);
    }

    public async Task ResetPasswordAsync(string token, string password, CancellationToken cancellationToken)
    {
        var reset = await RedeemAsync(AccountTokenPurpose.PasswordReset, token, cancellationToken);
        var user = await users.FindByIdAsync(reset.UserId!.ToString()!)
            ?? throw new ValidationException(TokenField, "The account this link was for no longer exists.");

        // Whoever can read the account's mail may choose its password: a lockout ends with it.
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        await SetPasswordAsync(user, password, "password", cancellationToken);
    }

    public async Task ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException("User", userId);
        if (!await users.CheckPasswordAsync(user, currentPassword))
        {
            throw new ValidationException("currentPassword", "The current password is wrong.");
        }

        await SetPasswordAsync(user, newPassword, "newPassword", cancellationToken);
    }

    public Task ForgetLinksToAsync(string email, CancellationToken cancellationToken)
    {
        var normalised = email.ToLowerInvariant();
        return db.AccountTokens.Where(t => t.Email.ToLower() == normalised).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>An account an administrator made with its roles and no password: the link sets its first one.</summary>
    private async Task<AuthTokens> ActivateMadeAccountAsync(Guid accountId, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(accountId.ToString())
            ?? throw new ValidationException(TokenField, "The account this invitation was for no longer exists.");
        if (user.PasswordHash is not null)
        {
            throw new ValidationException(TokenField, "The account has a password already: sign in, or ask for a new password.");
        }

        user.EmailConfirmed = true;
        await SetPasswordAsync(user, password, "password", cancellationToken);
        return await SignInAsync(user, cancellationToken);
    }

    private async Task SetPasswordAsync(AppUser user, string password, string field, CancellationToken cancellationToken)
    {
        foreach (var validator in users.PasswordValidators)
        {
            ThrowOnFailure(await validator.ValidateAsync(users, user, password), field);
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.MoveRevision();
        ThrowOnFailure(await users.UpdateSecurityStampAsync(user), field);

        // A new password signs out every session: access tokens fail on the security stamp, refresh tokens here.
        var now = time.GetUtcNow();
        await db.RefreshTokens
            .Where(r => r.UserId == user.Id && r.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RevokedAt, now), cancellationToken);
    }

    /// <summary>Marks the token used, or says in the field what is wrong with it.</summary>
    private async Task<AccountToken> RedeemAsync(AccountTokenPurpose purpose, string token, CancellationToken cancellationToken)
    {
        var hash = TokenIssuer.Hash(token);
        var row = await db.AccountTokens.FirstOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == purpose, cancellationToken)
            ?? throw new ValidationException(TokenField, "The link is not valid: copy the whole link from the e-mail, or ask for a new one.");
        var now = time.GetUtcNow();
        if (row.UsedAt is not null)
        {
            throw new ValidationException(TokenField, "The link has been used already: sign in, or ask for a new one.");
        }

        if (row.ExpiresAt <= now)
        {
            throw new ValidationException(TokenField, "The link has expired: ask for a new one.");
        }

        // Claimed in one statement: of two uses at the same moment, only one wins.
        var claimed = await db.AccountTokens.Where(t => t.Id == row.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        if (claimed == 0)
        {
            throw new ValidationException(TokenField, "The link has been used already: sign in, or ask for a new one.");
        }

        return row;
    }

    private (string Token, AccountToken Row) NewToken(AccountTokenPurpose purpose, string email, TimeSpan lifetime)
    {
        var now = time.GetUtcNow();
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, new AccountToken
        {
            Id = Guid.CreateVersion7(now), Purpose = purpose, TokenHash = TokenIssuer.Hash(token), Email = email, CreatedAt = now,
            ExpiresAt = now + lifetime,
        });
    }

    private async Task<AuthTokens> SignInAsync(AppUser user, CancellationToken cancellationToken)
    {
        var (accessToken, expiresIn) = tokens.IssueAccessToken(user);
        var (refreshToken, row) = tokens.IssueRefreshToken(user.Id);
        db.RefreshTokens.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new AuthTokens("Bearer", accessToken, expiresIn, refreshToken);
    }

    private static void ThrowOnFailure(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new ValidationException(field, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
