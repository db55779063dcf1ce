using EnSakITaget.Application.Common.Exceptions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EnSakITaget.Infrastructure.Persistence;

/// <summary>
/// A save that lost a race, as the application's exceptions (a 409 each): a row changed since it
/// was read, or a unique key or a reference broken by a change saved at the same moment. (An
/// interceptor cannot do this: EF Core neither lets one replace the exception nor passes on one
/// thrown while it reports the failure.)
/// </summary>
internal static class SaveChangesErrors
{
    private const int SqliteConstraintError = 19;

    /// <returns>The application's exception for the failure, or null when it is no race.</returns>
    public static Exception? Translate(DbUpdateException exception) => exception switch
    {
        DbUpdateConcurrencyException concurrency => new ConcurrentChangeException(concurrency),
        _ when IsConstraintViolation(exception) =>
            new ConflictException("The change clashes with stored data, perhaps saved at the same moment; read it again and retry.", exception),
        _ => null,
    };

    private static bool IsConstraintViolation(DbUpdateException exception) => exception.InnerException
        is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation }
        or SqliteException { SqliteErrorCode: SqliteConstraintError };
}
