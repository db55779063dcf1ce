using System.Data.Common;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Domain.Libraries;
using EnSakITaget.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EnSakITaget.Infrastructure.Persistence.Changes;

/// <summary>
/// Moves this instance's signals on for what a save changed, once it is committed: at once for a
/// save in a transaction of its own, at the commit (or the rollback) for a save inside a longer one. A caller who
/// has just changed something never gets the answer from before the change, whatever the
/// database's notifications are doing.
/// </summary>
internal sealed class ChangeSignalInterceptor(ChangeSignals signals) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SignalUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SignalUnlessInTransaction(eventData.Context);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetUnlessInTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetUnlessInTransaction(eventData.Context);

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Signal(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Signal(eventData.Context);
        return Task.CompletedTask;
    }

    // A transaction rolled back signals what it had saved as well: anything read and kept inside
    // it (the tree, say) saw rows that are now gone.
    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Signal(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Signal(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Every save may change what statistics are computed from; some also change who may see what.</summary>
    private static void Note(DbContext? context)
    {
        if (context is not AppDbContext db)
        {
            return;
        }

        db.PendingSignals.Add(ChangeTopic.Data);
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case AppUser when entry.State == EntityState.Modified && !ChangesWhoTheCallerIs(entry):
                    break;
                case AppUser or RoleAssignment or ApiKey:
                    db.PendingSignals.Add(ChangeTopic.Access);
                    break;
                case LibraryNode:
                    db.PendingSignals.Add(ChangeTopic.LibraryTree);
                    break;
            }
        }
    }

    /// <summary>A login that counts a failed attempt changes the account, but not who its caller is.</summary>
    private static bool ChangesWhoTheCallerIs(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        entry.Property(nameof(AppUser.Email)).IsModified || entry.Property(nameof(AppUser.SecurityStamp)).IsModified;

    private void SignalUnlessInTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Signal(context);
        }
    }

    private static void ForgetUnlessInTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Forget(context);
        }
    }

    private void Signal(DbContext? context)
    {
        if (context is not AppDbContext db)
        {
            return;
        }

        foreach (var topic in db.PendingSignals)
        {
            signals.MovedOn(topic);
        }

        db.PendingSignals.Clear();
    }

    private static void Forget(DbContext? context)
    {
        if (context is AppDbContext db)
        {
            db.PendingSignals.Clear();
        }
    }
}
