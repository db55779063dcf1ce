using EnSakITaget.Application.Common.Abstractions;

namespace EnSakITaget.Application.Common.Caching;

/// <summary>
/// A value and the stamp its topics had before it was read from the database: good until the
/// stamp moves on. A change that lands during the read leaves it already out of date, never
/// wrongly current; one read while the signals are not heard (no stamp) is never current.
/// </summary>
public sealed record Signalled<T>(long? Stamp, T Value)
{
    public bool IsCurrentAt(long? stamp) => stamp is not null && stamp == Stamp;
}

/// <summary>The topics a kept value depends on, and their stamp now.</summary>
public readonly record struct SignalTopics(ChangeTopic First, ChangeTopic? Second = null)
{
    public long? StampIn(IChangeSignals signals) => Second is { } second ? signals.StampOf(First, second) : signals.StampOf(First);
}

/// <summary>
/// One value (the data's version, the tree's shape) read from the database and kept until a
/// change signal says it may be out of date. While it is current, it is answered without an
/// allocation.
/// </summary>
public sealed class SignalledValue<T>(IChangeSignals signals, SignalTopics topics)
{
    private volatile Signalled<T>? kept;

    public SignalledValue(IChangeSignals signals, ChangeTopic topic)
        : this(signals, new SignalTopics(topic))
    {
    }

    /// <summary>The value last read, current or not: for a reader that can tell for itself that it still holds.</summary>
    public Signalled<T>? Last => kept;

    public ValueTask<T> GetAsync(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        GetAsync(read, static (read, token) => read(token), cancellationToken);

    /// <summary>The value, read with <paramref name="state"/> when it is not current: a static <paramref name="read"/> costs no allocation when it is.</summary>
    public ValueTask<T> GetAsync<TState>(TState state, Func<TState, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var stamp = topics.StampIn(signals);
        return kept is { } known && known.IsCurrentAt(stamp)
            ? ValueTask.FromResult(known.Value)
            : new ValueTask<T>(ReadAsync(stamp, state, read, cancellationToken));
    }

    private async Task<T> ReadAsync<TState>(long? stamp, TState state, Func<TState, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var value = await read(state, cancellationToken);
        kept = new Signalled<T>(stamp, value);
        return value;
    }
}
