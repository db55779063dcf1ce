using Microsoft.Extensions.Options;

namespace EnSakITaget.Application.Common;

/// <summary>The <c>Courses</c> section.</summary>
public sealed class CoursesOptions
{
    public const string SectionName = "Courses";

    /// <summary>Whose calendar decides when a day begins: a thing planned for a date is released when that date begins here.</summary>
    public string TimeZone { get; set; } = "Europe/Stockholm";

    /// <summary>How often the scheduler looks for due releases and passed deadlines.</summary>
    public int ReleaseCheckSeconds { get; set; } = 60;
}

/// <summary>Today's date where the libraries are, from the injected clock.</summary>
public sealed class CourseCalendar(TimeProvider time, IOptions<CoursesOptions> options)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => DayOf(time.GetUtcNow());

    /// <summary>The libraries' calendar day of a moment.</summary>
    public DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, zone).DateTime);

    /// <summary>The moment a local hour of a day begins in the libraries' calendar.</summary>
    public DateTimeOffset At(DateOnly day, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
