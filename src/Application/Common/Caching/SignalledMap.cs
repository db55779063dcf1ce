using System.Collections.Concurrent;
using EnSakITaget.Application.Common.Abstractions;

namespace EnSakITaget.Application.Common.Caching;

/// <summary>
/// Values by key (an account, an integration key), each read from the database once and kept
/// (<see cref="Signalled{T}"/>) until a change signal says any of them may be out of date. At
/// most <paramref name="capacity"/> are kept: past that the map starts again empty, so a flood of
/// distinct keys costs reads, not memory.
/// </summary>
public sealed class SignalledMap<TKey, TValue>(IChangeSignals signals, SignalTopics topics, int capacity = 10_000)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Signalled<TValue>> kept = new();

    public SignalledMap(IChangeSignals signals, ChangeTopic first, ChangeTopic second, int capacity = 10_000)
        : this(signals, new SignalTopics(first, second), capacity)
    {
    }

    public ValueTask<TValue> GetAsync(TKey key, Func<TKey, CancellationToken, Task<TValue>> read, CancellationToken cancellationToken)
    {
        var stamp = topics.StampIn(signals);
        return kept.TryGetValue(key, out var known) && known.IsCurrentAt(stamp)
            ? ValueTask.FromResult(known.Value)
            : new ValueTask<TValue>(ReadAsync(key, stamp, read, cancellationToken));
    }

    private async Task<TValue> ReadAsync(TKey key, long? stamp, Func<TKey, CancellationToken, Task<TValue>> read, CancellationToken cancellationToken)
    {
        var value = await read(key, cancellationToken);
        if (stamp is not null)
        {
            if (kept.Count >= capacity)
            {
                kept.Clear();
            }

            kept[key] = new Signalled<TValue>(stamp, value);
        }

        return value;
    }
}
