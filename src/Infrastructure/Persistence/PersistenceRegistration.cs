using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Infrastructure.Audit;
using EnSakITaget.Infrastructure.Identity;
using EnSakITaget.Infrastructure.Persistence.Changes;
using EnSakITaget.Infrastructure.Persistence.Interceptors;
using EnSakITaget.Infrastructure.Persistence.Seeding;
using EnSakITaget.Infrastructure.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;
using Npgsql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Infrastructure.Persistence;

public static class PersistenceRegistration
{
    public const string ReadyTag = "ready";

    /// <summary>
    /// Registers both providers' contexts (their options built once, not per request) and resolves <see cref="AppDbContext"/> to the configured one
    /// when a scope asks for it, so that configuration added after registration (tests, environment) counts.
    /// </summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .Validate(
                o => o.Provider != DatabaseProvider.PostgreSql || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is PostgreSql.")
            .Validate(o => o.CommandTimeoutSeconds is >= 1 and <= 600, "Database:CommandTimeoutSeconds must be 1 to 600.")
            .Validate(o => o.ConnectTimeoutSeconds is >= 1 and <= 600, "Database:ConnectTimeoutSeconds must be 1 to 600.")
            .Validate(o => o.HealthCheckTimeoutSeconds is >= 1 and <= 60, "Database:HealthCheckTimeoutSeconds must be 1 to 60.")
            .Validate(o => o.TransientRetries is >= 0 and <= 10, "Database:TransientRetries must be 0 to 10.")
            .Validate(o => o.StartupWaitSeconds is >= 0 and <= 3600, "Database:StartupWaitSeconds must be 0 to 3600.")
            .ValidateOnStart();

        services.AddSingleton<ChangeSignals>();
        services.AddSingleton<IChangeSignals>(sp => sp.GetRequiredService<ChangeSignals>());
        services.AddSingleton<ChangeSignalInterceptor>();
        services.AddSingleton<CalendarDaysInterceptor>();
        services.AddSingleton<AuditTrailInterceptor>();
        services.AddSingleton<ReportCountingInterceptor>();
        services.AddSingleton<DataVersion>();
        services.AddHostedService<PostgreSqlChangeListener>();
        services.AddDbContext<SqliteAppDbContext>((sp, options) =>
            LogFailuresOnce(options.UseSqlite(SqliteConnectionString(sp), sqlite =>
                    sqlite.CommandTimeout(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.CommandTimeoutSeconds)))
                .AddInterceptors(SaveInterceptors(sp)),
            optionsLifetime: ServiceLifetime.Singleton);
        services.AddDbContext<PostgreSqlAppDbContext>((sp, options) =>
            ConfigurePostgreSql(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString!,
                    sp.GetRequiredService<IOptions<DatabaseOptions>>().Value)
                .AddInterceptors(SaveInterceptors(sp)),
            optionsLifetime: ServiceLifetime.Singleton);

        services.AddScoped<AppDbContext>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider switch
            {
                DatabaseProvider.PostgreSql => sp.GetRequiredService<PostgreSqlAppDbContext>(),
                _ => sp.GetRequiredService<SqliteAppDbContext>(),
            });
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<BootstrapAdministrator>();
        services.AddScoped<ITransactionRunner, TransactionRunner>();

        services.AddHealthChecks().AddCheck<DatabaseWriteCheck>("database", tags: [ReadyTag]);
        services.AddOptions<HealthCheckServiceOptions>().Configure<IOptions<DatabaseOptions>>((health, database) =>
        {
            foreach (var check in health.Registrations)
            {
                check.Timeout = TimeSpan.FromSeconds(database.Value.HealthCheckTimeoutSeconds);
            }
        });
        return services;
    }

    /// <summary>
    /// What a save does besides saving, one job each, in this order: the enrolments' calendar
    /// days, then the audit entries of what is about to be saved; after the save's statements,
    /// last in its transaction, the statistics' count of the reports; and the change signals as it
    /// commits.
    /// </summary>
    private static IInterceptor[] SaveInterceptors(IServiceProvider services) =>
    [
        services.GetRequiredService<CalendarDaysInterceptor>(),
        services.GetRequiredService<AuditTrailInterceptor>(),
        services.GetRequiredService<ReportCountingInterceptor>(),
        services.GetRequiredService<ChangeSignalInterceptor>(),
    ];

    public static DbContextOptionsBuilder ConfigurePostgreSql(DbContextOptionsBuilder options, string connectionString, DatabaseOptions? database = null)
    {
        var settings = database ?? new DatabaseOptions();
        return LogFailuresOnce(options
            .UseNpgsql(Tuned(connectionString, settings), npgsql => npgsql
                .MigrationsHistoryTable("__ef_migrations_history", "public")
                .ExecutionStrategy(dependencies => new ReadRetryStrategy(dependencies, settings.TransientRetries)))
            .UseSnakeCaseNamingConvention());
    }

    /// <summary>
    /// A failed statement reaches the client's request, whose one exception mapper logs it once
    /// (an error for a fault, a warning for a database that is down). Most failed saves are expected:
    /// one that lost a race is a 409 (see <see cref="SaveChangesErrors"/>) or is run again and answers
    /// 200. EF Core's own entries for the same failure (the command, the connection, the transaction's
    /// commit or rollback, the save, the query) would log it up to five times, so they are kept for
    /// debugging only. A commit cut off by a database restart was the last of them still logged as an
    /// error ("An error occurred using a transaction"), beside the request's own line.
    /// </summary>
    private static DbContextOptionsBuilder LogFailuresOnce(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (RelationalEventId.TransactionError, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (CoreEventId.QueryIterationFailed, LogLevel.Debug)));

    /// <summary>
    /// EF Core opens and closes the connection around every query outside a transaction, and
    /// Npgsql would reset the session each time (a DISCARD ALL round trip, as many as the queries).
    /// The API sets no session state, so there is nothing to reset. The same few statements run
    /// on every request, so Npgsql prepares them on each connection once they have run a few
    /// times, which spares PostgreSQL parsing and planning them again. A connection string that
    /// says otherwise (behind a pooler that cannot keep prepared statements, say
    /// <c>Max Auto Prepare=0</c>) keeps its say.
    /// </summary>
    private static string Tuned(string connectionString, DatabaseOptions database)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant())
            .ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("NORESETONCLOSE"))
        {
            builder.NoResetOnClose = true;
        }

        // Well below the driver's defaults (15 s to connect, 30 s a statement): a frozen database
        // answers 503 in seconds instead of holding every request for half a minute.
        if (!given.Contains("TIMEOUT"))
        {
            builder.Timeout = database.ConnectTimeoutSeconds;
        }

        if (!given.Contains("COMMANDTIMEOUT"))
        {
            builder.CommandTimeout = database.CommandTimeoutSeconds;
        }

        if (!given.Contains("MAXAUTOPREPARE"))
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
        }

        return builder.ConnectionString;
    }

    /// <summary>Per connection: enough for every statement a request makes, few enough to keep the server's memory small.</summary>
    private const int AutoPreparedStatements = 100;

    private static string SqliteConnectionString(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        var folder = SqliteFolder(options, services.GetRequiredService<IHostEnvironment>());
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "ensakitaget.db")}";
    }

    /// <summary>Where the embedded database's file lives when no connection string names one.</summary>
    internal static string SqliteFolder(DatabaseOptions options, IHostEnvironment environment) =>
        Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.DataFolder));
}
