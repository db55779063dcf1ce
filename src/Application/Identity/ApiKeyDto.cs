namespace EnSakITaget.Application.Identity;

public sealed record ApiKeyDto(
    Guid Id, string Name, Guid LibraryId, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <param name="Key">The whole key to send as <c>X-Api-Key</c>. It is shown this once and cannot be read again.</param>
public sealed record CreatedApiKeyDto(Guid Id, string Name, Guid LibraryId, DateTimeOffset CreatedAt, string Key);
