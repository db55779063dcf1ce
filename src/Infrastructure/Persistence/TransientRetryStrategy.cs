using Microsoft.EntityFrameworkCore;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace EnSakITaget.Infrastructure.Persistence;

/// <summary>
/// Npgsql's own judgement of what is transient (a restart, a dropped connection, a failover),
/// with short, bounded waits: a request rides out a blip of a second or two instead of failing,
/// and a longer outage answers 503 quickly. A statement that ran into its timeout is not tried
/// again: a frozen database would otherwise hold the request for several timeouts.
/// </summary>
internal sealed class TransientRetryStrategy(DbContext context, int retries)
    : NpgsqlRetryingExecutionStrategy(context, retries, MaxDelay, errorCodesToAdd: null)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// It retries, but never a query on its own: a failure starts the whole unit of work again
    /// with nothing tracked (<see cref="TransactionRunner"/>), so no query needs EF Core's
    /// buffering of its rows for a retry. Saying so keeps every read inside a command streamed,
    /// as it is outside one, where EF Core would otherwise copy each row into a buffer first.
    /// </summary>
    public override bool RetriesOnFailure => false;

    protected override bool ShouldRetryOn(Exception? exception) =>
        base.ShouldRetryOn(exception) && exception is not null && !DatabaseFailures.IsTimeout(exception);

    /// <summary>
    /// A connection that broke (not a statement the server refused) means the server may have restarted, and
    /// then every idle connection in the pool is dead too: without clearing it, each try took the next dead one
    /// and a 0.4 s restart used up the tries of a request. The next try opens a live connection.
    /// </summary>
    protected override void OnRetry()
    {
        if (ExceptionsEncountered.LastOrDefault() is NpgsqlException and not PostgresException
            && Dependencies.CurrentContext.Context.Database.GetDbConnection() is NpgsqlConnection connection)
        {
            NpgsqlConnection.ClearPool(connection);
        }

        base.OnRetry();
    }

    protected override TimeSpan? GetNextDelay(Exception lastException) =>
        base.GetNextDelay(lastException) is null
            ? null
            : TimeSpan.FromMilliseconds(Math.Min(FirstDelay.TotalMilliseconds * Math.Pow(2, ExceptionsEncountered.Count - 1), MaxDelay.TotalMilliseconds));
}
