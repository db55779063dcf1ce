using EnSakITaget.Application.Common.Abstractions;

namespace EnSakITaget.Application.Common.Caching;

/// <summary>
/// One value read from the database and kept until a change signal says it may be out of date.
/// The stamp is taken before the value is read, so a change that lands during the read leaves
/// the kept value already out of date, never wrongly current.
/// </summary>
public sealed class SignalledValue<T>(IChangeSignals signals, ChangeTopic topic)
{
    private volatile Kept? kept;

    public async Task<T> GetAsync(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var stamp = signals.StampOf(topic);
        if (stamp is not null && kept is { } known && known.Stamp == stamp)
        {
            return known.Value;
        }

        var value = await read(cancellationToken);
        if (stamp is not null)
        {
            kept = new Kept(stamp.Value, value);
        }

        return value;
    }

    private sealed record Kept(long Stamp, T Value);
}
