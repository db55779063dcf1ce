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
            QuietAboutFailedSaves(options.UseSqlite(SqliteConnectionString(sp)).AddInterceptors(SaveInterceptors(sp))),
            optionsLifetime: ServiceLifetime.Singleton);
        services.AddDbContext<PostgreSqlAppDbContext>((sp, options) =>
            QuietAboutFailedSaves(ConfigurePostgreSql(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString!)
                .AddInterceptors(SaveInterceptors(sp))),
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

        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: [ReadyTag]);
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

    /// <summary>
    /// EF Core logs a failed statement and a failed save as errors of its own, before the exception
    /// reaches the application. Most are expected: a save that lost a race is a 409 (see
    /// <see cref="SaveChangesErrors"/>), or is run again and answers 200. They are logged as
    /// information here; a failure that is no race reaches the API's exception handler, which logs
    /// it as an error once, with the exception.
    /// </summary>
    private static DbContextOptionsBuilder QuietAboutFailedSaves(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Information),
            (CoreEventId.SaveChangesFailed, LogLevel.Information)));

    public static DbContextOptionsBuilder ConfigurePostgreSql(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(Tuned(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", "public"))
            .UseSnakeCaseNamingConvention();

    /// <summary>
    /// EF Core opens and closes the connection around every query outside a transaction, and
    /// Npgsql would reset the session each time (a DISCARD ALL round trip, as many as the queries).
    /// The API sets no session state, so there is nothing to reset. The same few statements run
    /// on every request, so Npgsql prepares them on each connection once they have run a few
    /// times, which spares PostgreSQL parsing and planning them again. A connection string that
    /// says otherwise (behind a pooler that cannot keep prepared statements, say
    /// <c>Max Auto Prepare=0</c>) keeps its say.
    /// </summary>
    private static string Tuned(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant())
            .ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("NORESETONCLOSE"))
        {
            builder.NoResetOnClose = true;
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

        var contentRoot = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        var folder = Path.GetFullPath(Path.Combine(contentRoot, options.DataFolder));
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "ensakitaget.db")}";
    }
}
