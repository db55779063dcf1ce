using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace EnSakITaget.Infrastructure.Persistence;

/// <summary>Why the database cannot serve the request now, in words for the client.</summary>
public sealed record StorageUnavailable(string Title, string Detail);

/// <summary>
/// Tells a database that is down, full or read-only (the client should come back later: 503)
/// from a fault in the request or the code (500), for the one exception mapper and the health check.
/// </summary>
public static class DatabaseFailures
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCannotOpen = 14;

    private static readonly StorageUnavailable Down = new(
        "The database is not available.", "The database could not be reached or did not answer in time; try again shortly.");

    private static readonly StorageUnavailable Full = new(
        "Storage unavailable.", "The database's disk is full: nothing can be saved until space is freed.");

    private static readonly StorageUnavailable ReadOnly = new(
        "Storage unavailable.", "The database is read-only (its file or folder cannot be written): nothing can be saved.");

    /// <returns>Why the database cannot serve the request, or null when the failure is not the database's state.</returns>
    public static StorageUnavailable? Classify(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case CommitUncertainException uncertain:
                    return new StorageUnavailable(Down.Title, uncertain.Message);
                case SqliteException sqlite:
                    return sqlite.SqliteErrorCode switch
                    {
                        SqliteFull => Full,
                        SqliteReadOnly => ReadOnly,
                        SqliteBusy or SqliteLocked or SqliteIoError or SqliteCannotOpen => Down,
                        _ => null,
                    };
                case PostgresException postgres:
                    return postgres.IsTransient || postgres.SqlState is PostgresErrorCodes.DiskFull or PostgresErrorCodes.ReadOnlySqlTransaction
                        ? postgres.SqlState == PostgresErrorCodes.DiskFull ? Full : Down
                        : null;
                case NpgsqlException { IsTransient: true }:
                case RetryLimitExceededException:
                case TimeoutException:
                    return Down;
            }
        }

        return null;
    }

    /// <summary>A statement or a connection that ran out of time, rather than one that failed.</summary>
    public static bool IsTimeout(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// The connection failed while the transaction was committing: the change may or may not be
/// saved, so it is not tried again (it might apply twice) and the client is told to read first.
/// </summary>
public sealed class CommitUncertainException(Exception innerException) : Exception(
    "The database failed while saving: the change may or may not be saved. Read it again before you repeat it.", innerException);
