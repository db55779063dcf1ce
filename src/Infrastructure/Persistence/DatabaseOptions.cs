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

    public bool SeedDemoData { get; set; }
}
