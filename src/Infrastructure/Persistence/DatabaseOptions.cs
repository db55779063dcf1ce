namespace EnSakITaget.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>The <c>Database</c> configuration section; every key can be set as <c>Database__Key</c> in the environment.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>When empty on SQLite, a file <c>ensakitaget.db</c> under <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the embedded SQLite database lives, relative to the content root unless rooted.</summary>
    public string DataFolder { get; set; } = "data";

    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>How long a statement may run before it fails (the driver's default is 30 s), unless the connection string says.</summary>
    public int CommandTimeoutSeconds { get; set; } = 10;

    /// <summary>How long opening a PostgreSQL connection may take (the driver's default is 15 s), unless the connection string says.</summary>
    public int ConnectTimeoutSeconds { get; set; } = 5;

    /// <summary>How long <c>/health/ready</c> waits for the database before calling it unhealthy.</summary>
    public int HealthCheckTimeoutSeconds { get; set; } = 3;

    /// <summary>
    /// How often a request tries its whole unit of work again after a transient PostgreSQL
    /// failure (a restart, a dropped connection), waiting 0.1, 0.2, 0.4… s in between; 0 turns it off.
    /// </summary>
    public int TransientRetries { get; set; } = 4;

    /// <summary>How long start-up waits for an unreachable database (trying every few seconds) before it gives up; 0 gives up at once.</summary>
    public int StartupWaitSeconds { get; set; } = 60;

    public bool SeedDemoData { get; set; }
}
