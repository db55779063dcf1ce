using EnSakITaget.Application.Common.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Infrastructure.Persistence;

/// <summary>
/// A command's unit of work, and the one place where a transient database failure is retried: the
/// execution strategy wraps the transaction, so a retry starts again from the command's first read
/// with nothing tracked, and the command applies once. The strategy is used here only (not
/// configured on the context), because EF Core refuses a retrying strategy around transactions
/// it did not start itself, and the sender, the seeder and the report counter start their own.
/// </summary>
internal sealed class TransactionRunner(AppDbContext db, IOptions<DatabaseOptions> options) : ITransactionRunner
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
        var attempt = 0;
        return await Strategy().ExecuteAsync(async cancellation =>
        {
            ForgetEarlierAttempt(ref attempt);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
            var result = await work();
            try
            {
                await transaction.CommitAsync(cancellation);
            }
            catch (Exception exception) when (DatabaseFailures.Classify(exception) is not null)
            {
                throw new CommitUncertainException(exception);
            }

            return result;
        }, cancellationToken);
    }

    public Task<T> RetryAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return work();
        }

        var attempt = 0;
        return Strategy().ExecuteAsync(_ =>
        {
            ForgetEarlierAttempt(ref attempt);
            return work();
        }, cancellationToken);
    }

    private void ForgetEarlierAttempt(ref int attempt)
    {
        if (attempt++ > 0)
        {
            db.DiscardChanges();
            db.PendingSignals.Clear();
        }
    }

    private IExecutionStrategy Strategy() =>
        db.Database.IsNpgsql() && options.Value.TransientRetries > 0
            ? new TransientRetryStrategy(db, options.Value.TransientRetries)
            : db.Database.CreateExecutionStrategy();
}
