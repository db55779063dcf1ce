namespace EnSakITaget.Bench.National;

/// <summary>The libraries' calendar, as the API's CourseCalendar keeps it: days are Stockholm days.</summary>
internal sealed class StockholmCalendar
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, _zone).DateTime);

    /// <summary>An hour of a Stockholm day, in UTC, as PostgreSQL takes a timestamptz.</summary>
    public DateTimeOffset At(DateOnly day, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
