using EnSakITaget.Application.Common.Paging;

namespace EnSakITaget.Application.Identity;

/// <summary>Accounts and tokens, kept by ASP.NET Core Identity in the infrastructure.</summary>
public interface IIdentityService
{
    /// <exception cref="Common.Exceptions.UnauthorizedException">Wrong e-mail or password, or the account is locked.</exception>
    Task<AuthTokens> LoginAsync(string email, string password, CancellationToken cancellationToken);

    /// <summary>Trades a refresh token for a new pair; the old one stops working.</summary>
    Task<AuthTokens> RefreshAsync(string refreshToken, CancellationToken cancellationToken);

    /// <summary>Revokes a refresh token (signing out); an unknown or already revoked one is left as it is.</summary>
    Task RevokeAsync(string refreshToken, CancellationToken cancellationToken);

    Task<UserAccount?> FindUserAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The account with this e-mail, compared without regard to case.</summary>
    Task<UserAccount?> FindUserByEmailAsync(string email, CancellationToken cancellationToken);

    /// <param name="onlyUserIds">The users the caller may see, or null for every user.</param>
    /// <param name="paging">Which page.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<PagedList<UserAccount>> ListUsersAsync(IReadOnlyCollection<Guid>? onlyUserIds, IPagedQuery paging, CancellationToken cancellationToken);

    /// <param name="password">Null makes an account that cannot sign in until an invitation sets its password.</param>
    /// <exception cref="Common.Exceptions.ValidationException">The password breaks the policy.</exception>
    /// <exception cref="Common.Exceptions.ConflictException">The e-mail is taken.</exception>
    Task<UserAccount> CreateUserAsync(Guid userId, string email, string displayName, string? password, CancellationToken cancellationToken);

    Task<UserAccount> UpdateUserAsync(Guid userId, string email, string displayName, string? newPassword, CancellationToken cancellationToken);

    Task DeleteUserAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Lifts the account's lockout, if it is locked, and forgets its failed attempts; an account with neither is left as it is.</summary>
    Task<UserAccount> UnlockUserAsync(Guid userId, CancellationToken cancellationToken);
}

/// <param name="AwaitingActivation">Made without a password, which the person has not chosen yet.</param>
public sealed record UserAccount(Guid Id, string Email, string DisplayName, DateTimeOffset CreatedAt, DateTimeOffset? LockedOutUntil, bool AwaitingActivation = false);

public sealed record AuthTokens(string TokenType, string AccessToken, int ExpiresIn, string RefreshToken);
