namespace EnSakITaget.Api.IntegrationTests.Common;

/// <summary>
/// The API's clock in the tests: set to any moment, the report's spring of 2010 included. Timers
/// still tick in real time, so the release scheduler runs by itself and finds the moved date.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long utcTicks = DateTimeOffset.UtcNow.UtcTicks / TimeSpan.TicksPerMicrosecond * TimeSpan.TicksPerMicrosecond;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref utcTicks), TimeSpan.Zero);

    /// <summary>Kept to whole microseconds, as the production clock and PostgreSQL keep time.</summary>
    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref utcTicks, now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMicrosecond));

    /// <summary>Stockholm local time on a date, as the libraries' calendar reads it.</summary>
    public void SetLocal(DateOnly date, int hour = 9)
    {
        var local = date.ToDateTime(new TimeOnly(hour, 0));
        Set(new DateTimeOffset(local, Stockholm.GetUtcOffset(local)));
    }

    public void Advance(TimeSpan by) => Set(GetUtcNow() + by);

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
}
