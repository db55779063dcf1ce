using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EnSakITaget.Infrastructure.Persistence.Changes;

/// <summary>
/// Hears the database's notifications of changes (sent by triggers as each transaction commits,
/// from whichever instance made it) on a connection of its own. Every few seconds of quiet it
/// makes sure the connection still carries them; when it does not, nothing kept in memory is
/// trusted until it hears again, so a lost connection costs database reads, never a stale answer
/// for longer than <see cref="Quiet"/> plus <see cref="CheckTimeout"/>.
/// </summary>
public sealed partial class PostgreSqlChangeListener(
    ChangeSignals signals, IOptions<DatabaseOptions> database, ILogger<PostgreSqlChangeListener> logger) : BackgroundService
{
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Value.Provider != DatabaseProvider.PostgreSql)
        {
            return;
        }

        var connectionString = new NpgsqlConnectionStringBuilder(database.Value.ConnectionString)
        {
            // A connection of its own, never lent to a query and never handed back to a pool still listening.
            Pooling = false,
            ApplicationName = "ensakitaget-change-listener",
        }.ConnectionString;

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(connectionString, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                signals.StopHearing();
                LogLost(exception, RetryAfter.TotalSeconds);
                await Task.WhenAny(Task.Delay(RetryAfter, stoppingToken));
            }
        }

        signals.StopHearing();
    }

    private async Task ListenAsync(string connectionString, CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        connection.Notification += (_, notification) => signals.MovedOn(notification.Payload);
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {ChangeSignals.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        signals.StartHearing();
        LogHearing();
        while (true)
        {
            if (!await connection.WaitAsync(Quiet, stoppingToken))
            {
                await using var check = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = (int)CheckTimeout.TotalSeconds };
                await check.ExecuteScalarAsync(stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hearing the database's change notifications: data kept in memory is trusted until a change is heard")]
    private partial void LogHearing();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the database's change notifications; reading the database on every request until they are heard again, in {RetrySeconds} s")]
    private partial void LogLost(Exception exception, double retrySeconds);
}
