namespace EnSakITaget.Infrastructure.Time;

/// <summary>
/// The system clock cut to whole microseconds, the precision PostgreSQL keeps, so that what a
/// write answers is exactly what a later read returns.
/// </summary>
internal sealed class MicrosecondTimeProvider(TimeProvider inner) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override DateTimeOffset GetUtcNow()
    {
        var now = inner.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    public override long GetTimestamp() => inner.GetTimestamp();
}
