using System.Globalization;
using EnSakITaget.Web.Common;
using EnSakITaget.Web.Common.Api;
using EnSakITaget.Web.Coordination;

namespace EnSakITaget.Web.Statistics;

/// <summary>A figure as the dashboard shows it: its number, or held back as the API held it back.</summary>
public sealed record Figure(int? Value, bool HeldBack, string Text);

/// <summary>One municipality's row of the dashboard's table.</summary>
public sealed record MunicipalityRow(
    string Name, Figure Staff, Figure Enrolled, Figure Coverage, Figure Managers, Figure Completions, Figure ResponseRate);

/// <summary>One week of reports over the county; held back (and counted as none) as the API held it back.</summary>
public sealed record WeekRow(DateOnly WeekStart, int Reports, bool HeldBack = false);

/// <summary>
/// The county's statistics as the dashboard draws them: the charts' bars and the table's rows
/// come from the same figures, so the picture never says what the table does not.
/// </summary>
public sealed record DashboardModel(MunicipalityRow? County, IReadOnlyList<MunicipalityRow> Municipalities, IReadOnlyList<WeekRow> Weeks, bool AnyHeldBack)
{
    private const string MunicipalityType = "Municipality";
    private const string CountyType = "County";

    public static DashboardModel From(LibraryStatisticsList statistics, CourseTexts texts, CultureInfo culture)
    {
        var weeks = (statistics.WeeklyReports ?? []).Where(w => w.WeekStart is not null)
            .Select(w => new WeekRow(w.WeekStart!.Value, w.Reports ?? 0, w.Reports is null));
        var rows = statistics.Items ?? [];
        var county = rows.FirstOrDefault(r => r.Type == CountyType);
        var municipalities = rows.Where(r => r.Type == MunicipalityType)
            .Select(r => Row(r, texts, culture))
            .OrderBy(r => r.Name, StringComparer.Create(culture, ignoreCase: true))
            .ToList();
        var all = municipalities.Concat(county is null ? [] : [Row(county, texts, culture)]).ToList();
        var anyHeldBack = all.Any(r => new[] { r.Staff, r.Enrolled, r.Coverage, r.Managers, r.Completions, r.ResponseRate }.Any(f => f.HeldBack));
        return new DashboardModel(county is null ? null : Row(county, texts, culture), municipalities, [.. weeks.OrderBy(w => w.WeekStart)], anyHeldBack);
    }

    public IReadOnlyList<ChartBar> Bars(Func<MunicipalityRow, Figure> figure) =>
        [.. Municipalities.Select(m => (Row: m, Figure: figure(m)))
            .Select(m => new ChartBar(m.Row.Name, Short(m.Row.Name), m.Figure.Value ?? 0, m.Figure.HeldBack, m.Figure.Text))];

    public IReadOnlyList<ChartBar> WeekBars(CourseTexts texts, CultureInfo culture) =>
        [.. Weeks.Select(w => new ChartBar(
            string.Format(culture, texts.WeekOf, ISOWeek.GetWeekOfYear(w.WeekStart.ToDateTime(TimeOnly.MinValue)), w.WeekStart.ToString("d MMM yyyy", culture)),
            ISOWeek.GetWeekOfYear(w.WeekStart.ToDateTime(TimeOnly.MinValue)).ToString(culture), w.Reports, w.HeldBack, w.HeldBack ? texts.HeldBack : null))];

    private static MunicipalityRow Row(LibraryStatisticsDto row, CourseTexts texts, CultureInfo culture)
    {
        var held = (row.Suppressed ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Figure Count(int? value, string field) => value is null && held.Contains(field)
            ? new Figure(null, true, texts.HeldBack)
            : new Figure(value ?? 0, false, (value ?? 0).ToString(culture));
        Figure Share(double? value, string field, string countField) => value is null && (held.Contains(field) || held.Contains(countField))
            ? new Figure(null, true, texts.HeldBack)
            : value is { } share ? Percent(share, texts, culture) : new Figure(null, false, "–");

        return new MunicipalityRow(
            row.Name ?? string.Empty,
            Count(row.Staff, "staff"),
            Count(row.Enrolled, "enrolled"),
            Share(row.Coverage, "coverage", "enrolled"),
            Count(row.ManagersTakingPart, "managersTakingPart"),
            Count(row.EnrolmentsCompleted, "enrolmentsCompleted"),
            Share(row.FeedbackResponseRate, "feedbackResponseRate", "feedbackResponses"));
    }

    private static Figure Percent(double share, CourseTexts texts, CultureInfo culture)
    {
        var percent = (int)Math.Round(share * 100, MidpointRounding.AwayFromZero);
        return new Figure(percent, false, string.Format(culture, texts.Percent, percent));
    }

    /// <summary>Under a bar there is room for a few letters: "Jönköping" of "Jönköpings kommuns bibliotek".</summary>
    private static string Short(string name)
    {
        var first = name.Split(' ', 2)[0];
        return first.Length <= 9 ? first : first[..8] + "…";
    }
}
