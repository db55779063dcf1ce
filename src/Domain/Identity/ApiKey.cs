using System.Security.Cryptography;
using System.Text;
using EnSakITaget.Domain.Common;

namespace EnSakITaget.Domain.Identity;

/// <summary>
/// A read-only machine credential for one library subtree. The secret is shown once, when the
/// key is issued; only its SHA-256 hash is kept (the secret is 256 random bits, so a slow hash
/// adds nothing).
/// </summary>
public sealed class ApiKey : IAudited
{
    public const string Prefix = "esit";
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private ApiKey(Guid id, string name, Guid libraryId, string secretHash, Guid createdByUserId, DateTimeOffset createdAt)
    {
        Id = id;
        Name = name;
        LibraryId = libraryId;
        SecretHash = secretHash;
        CreatedByUserId = createdByUserId;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public Guid LibraryId { get; private set; }
    public string SecretHash { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    Guid? IAudited.AuditLibraryId => LibraryId;

    /// <returns>The key and the whole secret to hand over, <c>esit.{id}.{secret}</c>, which is never stored.</returns>
    public static (ApiKey Key, string Secret) Issue(string name, Guid libraryId, Guid createdByUserId, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        var secret = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (new ApiKey(id, name, libraryId, Hash(secret), createdByUserId, now), $"{Prefix}.{id:N}.{secret}");
    }

    /// <summary>Splits a presented key into its id and secret, or null when it is not shaped like one.</summary>
    public static (Guid Id, string Secret)? Parse(string presented)
    {
        var parts = presented.Split('.');
        return parts.Length == 3 && parts[0] == Prefix && Guid.TryParseExact(parts[1], "N", out var id) && parts[2].Length > 0
            ? (id, parts[2])
            : null;
    }

    public bool Accepts(string secret) =>
        !IsRevoked && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(SecretHash));

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <returns>Whether the last-used time changed (it is kept to the minute, so most uses write nothing).</returns>
    public bool RecordUse(DateTimeOffset now)
    {
        if (!IsUseWorthRecording(now))
        {
            return false;
        }

        LastUsedAt = now;
        return true;
    }

    /// <summary>Whether a use now would change the last-used time: most uses need not write at all.</summary>
    public bool IsUseWorthRecording(DateTimeOffset now) => LastUsedAt is not { } last || now - last >= LastUsedResolution;

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
