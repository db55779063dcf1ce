using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EnSakITaget.Infrastructure.Persistence;

/// <summary>
/// Readiness is the database accepting a write, not only a connection: a full or read-only disk
/// (SQLite) or a read-only server (PostgreSQL in recovery, <c>default_transaction_read_only</c>)
/// is unhealthy, with the reason. The probe changes nothing a reader sees: SQLite writes its
/// header's user version back unchanged, PostgreSQL commits a transaction id.
/// </summary>
internal sealed class DatabaseWriteCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_current_xact_id()", cancellationToken);
            }
            else
            {
                var version = await db.Database.SqlQueryRaw<long>("SELECT user_version AS \"Value\" FROM pragma_user_version").SingleAsync(cancellationToken);
                // A pragma takes no parameters; the value is the number just read.
                var rewrite = "PRAGMA user_version = " + version.ToString(CultureInfo.InvariantCulture);
                await db.Database.ExecuteSqlRawAsync(rewrite, cancellationToken);
            }

            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The reason is read by anyone: the classified words, never the driver's message.
            return HealthCheckResult.Unhealthy(
                DatabaseFailures.Classify(exception)?.Detail ?? "The database refused the write probe.", exception);
        }
    }
}
