using Microsoft.EntityFrameworkCore;
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

    protected override bool ShouldRetryOn(Exception? exception) =>
        base.ShouldRetryOn(exception) && exception is not null && !DatabaseFailures.IsTimeout(exception);

    protected override TimeSpan? GetNextDelay(Exception lastException) =>
        base.GetNextDelay(lastException) is null
            ? null
            : TimeSpan.FromMilliseconds(Math.Min(FirstDelay.TotalMilliseconds * Math.Pow(2, ExceptionsEncountered.Count - 1), MaxDelay.TotalMilliseconds));
}
