namespace EnSakITaget.Application.Common.Abstractions;

public interface ITransactionRunner
{
    /// <summary>Runs the work in one database transaction, committed only when it returns (joins one already open).</summary>
    Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken);
}
