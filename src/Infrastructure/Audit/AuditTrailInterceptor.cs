using EnSakITaget.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EnSakITaget.Infrastructure.Audit;

/// <summary>Before a save, adds the audit entries of the administrative changes in it, so they are saved in the same transaction.</summary>
internal sealed class AuditTrailInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    private void Collect(DbContext? context)
    {
        if (context is AppDbContext db)
        {
            db.AuditEntries.AddRange(AuditTrail.Collect(db.ChangeTracker, db.Caller, time.GetUtcNow()));
        }
    }
}
