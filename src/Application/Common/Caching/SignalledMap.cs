using System.Collections.Concurrent;
using EnSakITaget.Application.Common.Abstractions;

namespace EnSakITaget.Application.Common.Caching;

/// <summary>
/// Values by key (an account, an integration key), each read from the database once and kept
/// until a change signal says any of them may be out of date. At most <paramref name="capacity"/>
/// are kept: past that the map starts again empty, so a flood of distinct keys costs reads, not memory.
/// </summary>
public sealed class SignalledMap<TKey, TValue>(IChangeSignals signals, ChangeTopic first, ChangeTopic second, int capacity = 10_000)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Kept> kept = new();

    public async Task<TValue> GetAsync(TKey key, Func<TKey, CancellationToken, Task<TValue>> read, CancellationToken cancellationToken)
    {
        var stamp = signals.StampOf(first, second);
        if (stamp is not null && kept.TryGetValue(key, out var known) && known.Stamp == stamp)
        {
            return known.Value;
        }

        var value = await read(key, cancellationToken);
        if (stamp is not null)
        {
            if (kept.Count >= capacity)
            {
                kept.Clear();
            }

            kept[key] = new Kept(stamp.Value, value);
        }

        return value;
    }

    private sealed record Kept(long Stamp, TValue Value);
}
