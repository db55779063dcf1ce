using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EnSakITaget.Infrastructure.Persistence.Changes;

/// <summary>
/// Hears the database's notifications of changes (sent by triggers as each transaction commits,
/// from whichever instance made it) on a connection of its own. Before it trusts the connection,
/// and after every few seconds of quiet, it sends itself a probe and waits to hear it back; when
/// that fails, nothing kept in memory is trusted until it hears again, so a lost connection
/// costs database reads, never a stale answer for longer than <see cref="Quiet"/> plus
/// <see cref="CheckTimeout"/>.
/// </summary>
internal sealed partial class PostgreSqlChangeListener(
    ChangeSignals signals, IOptions<DatabaseOptions> database, ILogger<PostgreSqlChangeListener> logger) : BackgroundService
{
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan KeepAliveEvery = TimeSpan.FromSeconds(5);

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
            // A server that hangs (rather than closes) is noticed within seconds, by the keepalive
            // queries and the kernel's probes, not when the operating system gives up hours later.
            KeepAlive = (int)KeepAliveEvery.TotalSeconds,
            TcpKeepAlive = true,
            TcpKeepAliveTime = (int)KeepAliveEvery.TotalSeconds,
            TcpKeepAliveInterval = 1,
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
        var probe = new Probe();
        connection.Notification += (_, notification) =>
        {
            if (!probe.Answers(notification.Payload))
            {
                signals.MovedOn(notification.Payload);
            }

            // After the change it carried: a reader between the two would otherwise trust a stamp the change is about to move.
            signals.Heard();
        };
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {ChangeSignals.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        await probe.RoundTripAsync(connection, stoppingToken);
        signals.StartHearing();
        LogHearing();
        while (true)
        {
            if (!await connection.WaitAsync(Quiet, stoppingToken))
            {
                await probe.RoundTripAsync(connection, stoppingToken);
            }
        }
    }

    /// <summary>
    /// A notification this connection sends itself and must hear back: proof that it is alive and
    /// that notifications reach it (behind a pooler in transaction mode, say, they would not).
    /// Other instances' probes are heard too, and ignored.
    /// </summary>
    private sealed class Probe
    {
        private const string Prefix = "probe:";
        private volatile string? awaited;

        public bool Answers(string payload)
        {
            if (!payload.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return false;
            }

            if (payload == awaited)
            {
                awaited = null;
            }

            return true;
        }

        public async Task RoundTripAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
        {
            var payload = $"{Prefix}{Guid.NewGuid():N}";
            awaited = payload;
            await using (var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection) { CommandTimeout = (int)CheckTimeout.TotalSeconds })
            {
                notify.Parameters.AddWithValue("channel", ChangeSignals.Channel);
                notify.Parameters.AddWithValue("payload", payload);
                await notify.ExecuteNonQueryAsync(cancellationToken);
            }

            var sent = Stopwatch.GetTimestamp();
            while (awaited == payload && Stopwatch.GetElapsedTime(sent) < CheckTimeout)
            {
                await connection.WaitAsync(CheckTimeout, cancellationToken);
            }

            if (awaited == payload)
            {
                throw new TimeoutException("The database did not send the probe back: this connection does not hear notifications.");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hearing the database's change notifications: data kept in memory is trusted until a change is heard")]
    private partial void LogHearing();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the database's change notifications; reading the database on every request until they are heard again, in {RetrySeconds} s")]
    private partial void LogLost(Exception exception, double retrySeconds);
}
