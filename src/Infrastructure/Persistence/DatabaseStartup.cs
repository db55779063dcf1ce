using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EnSakITaget.Infrastructure.Persistence;

/// <summary>
/// Before migrating: a database that is not up yet (a container starting beside the service) is
/// waited for, one log line a try, for <see cref="DatabaseOptions.StartupWaitSeconds"/>; a SQLite
/// folder that cannot be written is one clear message naming the folder and the setting.
/// </summary>
internal static partial class DatabaseStartup
{
    private static readonly TimeSpan BetweenTries = TimeSpan.FromSeconds(2);

    public static void EnsureSqliteFolderWritable(DatabaseOptions options, IHostEnvironment environment)
    {
        if (options.Provider != DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return;
        }

        var folder = PersistenceRegistration.SqliteFolder(options, environment);
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-probe-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, [0]);
            File.Delete(probe);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseStartupException(
                $"The SQLite database's folder {folder} cannot be written ({exception.Message}). Make it writable for the service, " +
                $"or set {DatabaseOptions.SectionName}:{nameof(DatabaseOptions.DataFolder)} (environment: " +
                $"{DatabaseOptions.SectionName}__{nameof(DatabaseOptions.DataFolder)}) to a folder that is.",
                exception);
        }
    }

    public static async Task WaitForDatabaseAsync(AppDbContext db, DatabaseOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var limit = TimeSpan.FromSeconds(options.StartupWaitSeconds);
        var started = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // The driver's connection itself: each try here is one try, with its own line, not
                // several behind the context's retrying strategy (ReadRetryStrategy).
                var connection = db.Database.GetDbConnection();
                await connection.OpenAsync(cancellationToken);
                await connection.CloseAsync();
                return;
            }
            catch (Exception exception) when (DatabaseFailures.Classify(exception) is not null && !cancellationToken.IsCancellationRequested)
            {
                if (started.Elapsed + BetweenTries > limit)
                {
                    throw new DatabaseStartupException(
                        $"The database on {options.Provider} could not be reached in {attempt} tries over {started.Elapsed.TotalSeconds:0} s " +
                        $"({Reason(exception)}); check {DatabaseOptions.SectionName}:{nameof(DatabaseOptions.ConnectionString)}, or wait longer with " +
                        $"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.StartupWaitSeconds)}.",
                        exception);
                }

                LogWaiting(logger, options.Provider, attempt, Reason(exception), BetweenTries.TotalSeconds, limit.TotalSeconds);
                // Real time: the database comes up in the world's time, whatever clock the service is given.
                await Task.Delay(BetweenTries, cancellationToken);
            }
        }
    }

    /// <summary>The innermost message: "Connection refused", "Name or service not known".</summary>
    private static string Reason(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Waiting for the database on {Provider}: try {Attempt} failed ({Reason}); trying again in {Seconds} s, for at most {LimitSeconds} s (Database:StartupWaitSeconds)")]
    private static partial void LogWaiting(ILogger logger, DatabaseProvider provider, int attempt, string reason, double seconds, double limitSeconds);
}
