namespace EnSakITaget.Application.Statistics;

/// <param name="WeekStart">The Monday of the week.</param>
/// <param name="Reports">Things reported in the week; null when held back for an integration key.</param>
public sealed record WeeklyReportsDto(DateOnly WeekStart, int? Reports);

/// <summary>Reports per calendar day added up to weeks that begin on Monday, as both the round's and the libraries' statistics give them.</summary>
internal static class WeeklyReports
{
    /// <param name="count">Each week's count as it may be shown, given its value and its field name (<c>weeklyReports[2010-02-22]</c>).</param>
    public static List<WeeklyReportsDto> Of(IReadOnlyDictionary<DateOnly, int> reportsPerDay, Func<int, string, int?> count) =>
        [.. reportsPerDay
            .GroupBy(d => MondayOf(d.Key))
            .OrderBy(g => g.Key)
            .Select(g => new WeeklyReportsDto(g.Key, count(g.Sum(d => d.Value), $"weeklyReports[{g.Key:yyyy-MM-dd}]")))];

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
