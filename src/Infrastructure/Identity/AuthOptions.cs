using System.ComponentModel.DataAnnotations;

namespace EnSakITaget.Infrastructure.Identity;

/// <summary>The <c>Auth</c> section: token signing and lifetimes, lockout, abuse limits, the admin UI's origin.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public string Issuer { get; set; } = "en-sak-i-taget";
    public string Audience { get; set; } = "en-sak-i-taget";

    /// <summary>HMAC-SHA256 key for access tokens, at least 32 characters. Required outside Development.</summary>
    public string SigningKey { get; set; } = string.Empty;

    [Range(1, 1440)]
    public int AccessTokenMinutes { get; set; } = 15;

    [Range(1, 365)]
    public int RefreshTokenDays { get; set; } = 14;

    [Range(1, 100)]
    public int MaxFailedLogins { get; set; } = 5;

    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Failed sign-ins and refreshes a minute from one client address; more answer 429. Successful ones do not count.</summary>
    [Range(1, 100_000)]
    public int FailedLoginsPerMinute { get; set; } = 20;

    /// <summary>Every sign-in and refresh a minute from one client address, successful or not: a ceiling against floods.</summary>
    [Range(1, 100_000)]
    public int LoginAttemptsPerMinute { get; set; } = 300;

    [Range(1, 1_000_000)]
    public int ApiKeyRequestsPerMinute { get; set; } = 600;

    /// <summary>Pilot enrolments a minute from one client address (each looks a member of staff up by exact e-mail); more answer 429.</summary>
    [Range(1, 100_000)]
    public int PilotEnrolmentsPerMinute { get; set; } = 30;

    /// <summary>How long an invitation's link may be used to set the first password.</summary>
    [Range(1, 365)]
    public int InvitationDays { get; set; } = 14;

    /// <summary>How long a password reset's link may be used.</summary>
    [Range(5, 10_080)]
    public int PasswordResetMinutes { get; set; } = 120;

    /// <summary>Origins allowed to call the API from a browser (the admin UI). Empty: CORS stays closed.</summary>
    public string[] AllowedOrigins { get; set; } = [];
}

/// <summary>The <c>Auth:BootstrapAdmin</c> section: the first administrator, created on start when no such user exists.</summary>
internal sealed class BootstrapAdminOptions
{
    public const string SectionName = "Auth:BootstrapAdmin";

    public string? Email { get; set; }
    public string? Password { get; set; }
    public string DisplayName { get; set; } = "Administratör";
}

/// <summary>The values shipped in appsettings.Development.json; outside Development the app refuses to start with them.</summary>
internal static class DevelopmentDefaults
{
    public const string SigningKey = "development-only-signing-key-never-use-in-production";
    public const string AdminPassword = "Utveckling-2010!";
}
