using EnSakITaget.Application.Common.Abstractions;

namespace EnSakITaget.Infrastructure.Persistence;

internal sealed class TransactionRunner(AppDbContext db) : ITransactionRunner
{
    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }

        // The whole command fails or succeeds: nothing is retried inside it, so SaveChanges needs
        // no savepoint of its own (a round trip each).
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
