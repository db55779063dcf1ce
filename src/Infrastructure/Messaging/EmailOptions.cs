using System.ComponentModel.DataAnnotations;

namespace EnSakITaget.Infrastructure.Messaging;

public enum SmtpSecurity
{
    None,
    StartTls,
    Tls,
}

/// <summary>The <c>Email</c> section: where messages go, and how kindly to the mail server.</summary>
internal sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>The sender of every message, e.g. <c>En sak i taget &lt;noreply@bibliotek.example.se&gt;</c>.</summary>
    public string From { get; set; } = "En sak i taget <noreply@ensakitaget.local>";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>With no SMTP host, each message is written here as an .eml file; relative to the content root. Empty: <c>mail</c> under the data folder.</summary>
    public string? PickupFolder { get; set; }

    /// <summary>Tries before a message is marked failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Messages one instance sends a minute at most: municipal mail servers throttle.</summary>
    [Range(1, 1_000_000)]
    public int MaxPerMinute { get; set; } = 600;

    /// <summary>How long the first retry waits; each further one waits twice as long, up to <see cref="LongestRetrySeconds"/>.</summary>
    [Range(1, 86_400)]
    public int FirstRetrySeconds { get; set; } = 30;

    [Range(1, 86_400)]
    public int LongestRetrySeconds { get; set; } = 3_600;

    /// <summary>How often the sender looks for due messages when the last look found none.</summary>
    [Range(1, 3_600)]
    public int PollSeconds { get; set; } = 5;

    /// <summary>Messages claimed, and sent over one connection, at a time.</summary>
    [Range(1, 1_000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// Workers sending side by side on PostgreSQL, each with its own batch and its own mail connection (SQLite: always one).
    /// Each sends to the recipients whose address hashes to it, so one person's letters are still combined.
    /// </summary>
    [Range(1, 16)]
    public int Connections { get; set; } = 1;

    /// <summary>Letters to one person due within this many minutes of one being sent go with it, as one e-mail; 0 combines only those already due.</summary>
    [Range(0, 1_440)]
    public int CombineMinutes { get; set; } = 60;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

internal sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65_535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }
    public string? Password { get; set; }

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;
}
