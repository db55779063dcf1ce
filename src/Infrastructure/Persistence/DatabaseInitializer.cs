using EnSakITaget.Infrastructure.Identity;
using EnSakITaget.Infrastructure.Persistence.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Infrastructure.Persistence;

public static partial class DatabaseInitializer
{
    /// <summary>
    /// Waits for the database, then applies pending migrations (unless turned off) and the demo seed
    /// (when asked for). A database that cannot be used is a <see cref="DatabaseStartupException"/>,
    /// whose message is what to change.
    /// </summary>
    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        DatabaseStartup.EnsureSqliteFolderWritable(options, scope.ServiceProvider.GetRequiredService<IHostEnvironment>());
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        if (options.SeedDemoData && !scope.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            // Refused before anything is migrated, like the development administrator's password.
            throw new InvalidOperationException(
                "Database:SeedDemoData (--seed-demo) creates demo logins whose password is printed in the README: it is refused outside Development.");
        }

        await DatabaseStartup.WaitForDatabaseAsync(db, options, logger, cancellationToken);
        if (options.MigrateOnStartup)
        {
            // Npgsql learns that the history table is missing only by querying it, and EF Core logs
            // that failure as an error on every first start; made first, the table is simply there.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            LogMigrated(logger, options.Provider, pending.Count);
        }

        await scope.ServiceProvider.GetRequiredService<BootstrapAdministrator>().EnsureAsync(cancellationToken);

        if (options.SeedDemoData)
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database on {Provider} is up to date ({AppliedCount} migrations applied now)")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider, int appliedCount);
}
