namespace EnSakITaget.Application.Courses;

/// <summary>The counts a course or round request may carry; texts are bounded by <see cref="Common.Limits"/>.</summary>
internal static class CourseLimits
{
    /// <summary>Far beyond the report's eight things, and what a plan or a position can name.</summary>
    public const int MaxThings = 200;

    public const int MaxLinks = 20;
    public const int MaxCoordinators = 20;

    /// <summary>A day's work.</summary>
    public const int MaxEstimatedMinutes = 24 * 60;

    /// <summary>At most one thing a year, and at most one pause a week of it.</summary>
    public const int MaxEveryWeeks = 52;

    public const int MaxPauses = 52;

    /// <summary>The longest tag <c>^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$</c> matches.</summary>
    public const int MaxLanguageTag = 12;
}
