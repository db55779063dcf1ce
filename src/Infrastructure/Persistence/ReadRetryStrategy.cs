using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace EnSakITaget.Infrastructure.Persistence;

/// <summary>
/// The context's own strategy, for whatever EF Core runs outside <see cref="TransactionRunner"/>:
/// above all the reads before the mediator (signing in, an API key, the caller's scope, the data's
/// version), which would otherwise show a restart of a fraction of a second to the client. A read
/// outside a transaction is asked again after a transient failure; a save only when its
/// connection could not be opened, so that nothing that may have reached the server is repeated.
/// Inside <see cref="TransactionRunner"/>'s strategy this one stands aside (EF Core runs a nested
/// strategy's operation once), so a failure is retried in one place, as a whole unit of work.
/// </summary>
/// <remarks>
/// It says it does not retry (<see cref="RetriesOnFailure"/>): EF Core would otherwise buffer
/// every query's rows and refuse the transactions the sender and the seeder start themselves.
/// Neither is needed, because only the start of a query (opening the connection, executing the
/// reader) is ever tried again, never a reader that has handed out rows.
/// </remarks>
internal sealed class ReadRetryStrategy(ExecutionStrategyDependencies dependencies, int retries)
    : ExecutionStrategy(dependencies, retries, MaxDelay)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    public override bool RetriesOnFailure => false;

    protected override bool ShouldRetryOn(Exception? exception)
    {
        if (MaxRetryCount == 0 || exception is null || !IsTransient(exception) || DatabaseFailures.IsTimeout(exception))
        {
            return false;
        }

        var database = Dependencies.CurrentContext.Context.Database;
        return NeverReachedTheServer(exception)
            || (database.CurrentTransaction is null && !Dependencies.CurrentContext.Context.ChangeTracker.HasChanges());
    }

    protected override TimeSpan? GetNextDelay(Exception lastException) =>
        ExceptionsEncountered.Count > MaxRetryCount
            ? null
            : TimeSpan.FromMilliseconds(Math.Min(FirstDelay.TotalMilliseconds * Math.Pow(2, ExceptionsEncountered.Count - 1), MaxDelay.TotalMilliseconds));

    private static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The server refused the connection or is not yet accepting any: nothing was sent.</summary>
    private static bool NeverReachedTheServer(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException { SqlState: PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections }:
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.TryAgain or SocketError.HostUnreachable or SocketError.NetworkUnreachable }:
                    return true;
            }
        }

        return false;
    }
}
