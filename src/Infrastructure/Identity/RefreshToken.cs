namespace EnSakITaget.Infrastructure.Identity;

/// <summary>
/// A refresh token, kept only as its SHA-256 hash. Each use replaces it with a new one; a token
/// used a second time means it was copied, so every token of that user is revoked.
/// </summary>
public sealed class RefreshToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public string TokenHash { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
