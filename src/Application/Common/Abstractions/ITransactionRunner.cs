namespace EnSakITaget.Application.Common.Abstractions;

public interface ITransactionRunner
{
    /// <summary>
    /// Runs the work in one database transaction, committed only when it returns (joins one already
    /// open). After a transient database failure the whole work runs again, from its first read, in
    /// a new transaction, so a command applied once is never applied twice.
    /// </summary>
    Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Runs reading work, again from the start after a transient database failure.</summary>
    Task<T> RetryAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken);
}
