namespace EnSakITaget.Application.Identity;

/// <summary>What a person does with their own password: activate an invitation, reset a forgotten one, change it.</summary>
public interface IAccountService
{
    /// <summary>Makes the invitation's account with this password, and signs it in.</summary>
    /// <exception cref="Common.Exceptions.ValidationException">The token is wrong, used or expired (<c>token</c>), or the password breaks the policy (<c>password</c>).</exception>
    Task<AuthTokens> ActivateAsync(string token, string password, CancellationToken cancellationToken);

    /// <summary>A single-use link for an account made without a password, saved with the change under way.</summary>
    /// <exception cref="Common.Exceptions.NotFoundException">There is no such account.</exception>
    /// <exception cref="Common.Exceptions.ConflictException">The account has a password already: it signs in, or asks for a new password.</exception>
    Task<AccountInvitationIssued> IssueAccountInvitationAsync(Guid userId, CancellationToken cancellationToken);

    /// <returns>The token to send, saved with the change under way; or null when no account has the e-mail (which the caller must not tell).</returns>
    Task<PasswordResetIssued?> IssuePasswordResetAsync(string email, CancellationToken cancellationToken);

    /// <exception cref="Common.Exceptions.ValidationException">The token is wrong, used or expired, or the password breaks the policy.</exception>
    Task ResetPasswordAsync(string token, string password, CancellationToken cancellationToken);

    /// <exception cref="Common.Exceptions.ValidationException">The current password is wrong (<c>currentPassword</c>), or the new one breaks the policy (<c>newPassword</c>).</exception>
    Task ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, CancellationToken cancellationToken);

    /// <summary>Deletes every invitation and reset link issued to the e-mail, used or not: they hold the person's name and address.</summary>
    Task ForgetLinksToAsync(string email, CancellationToken cancellationToken);
}

public sealed record PasswordResetIssued(Guid UserId, string Email, string DisplayName, Guid TokenId, string Token, DateTimeOffset ExpiresAt);

public sealed record AccountInvitationIssued(Guid UserId, string Email, string DisplayName, Guid TokenId, string Token, DateTimeOffset ExpiresAt);
