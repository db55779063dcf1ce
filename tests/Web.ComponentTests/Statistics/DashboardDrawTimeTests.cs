using System.Diagnostics;
using System.Globalization;
using EnSakITaget.Web.Common;
using EnSakITaget.Web.Common.Api;
using EnSakITaget.Web.ComponentTests.Common;
using EnSakITaget.Web.Statistics;
using Xunit.Abstractions;

namespace EnSakITaget.Web.ComponentTests.Statistics;

/// <summary>
/// The time to model and draw the dashboard over a national answer the size of bench/'s data set
/// (21 counties, 290 municipalities, 30,000 staff) once the data is there; the target is under a
/// second. Measured in .NET by bUnit, not in the browser's WebAssembly, which is slower: a first
/// figure, reported and not failed (as bench/ reports a missed target), until the browser bench exists.
/// </summary>
public sealed class DashboardDrawTimeTests(ITestOutputHelper output) : ComponentTest
{
    private const int Counties = 21;
    private const int Municipalities = 290;
    private const int Staff = 30_000;

    [Fact]
    public void The_dashboard_for_the_national_data_set_is_drawn_whole_and_its_draw_time_reported_against_one_second()
    {
        var answer = NationalAnswer();
        Draw(answer);

        var times = Enumerable.Range(0, 5).Select(_ => Draw(answer)).Order().ToList();

        var median = times[times.Count / 2];
        output.WriteLine($"dashboard draw, {Municipalities} municipalities, {Staff} staff: median {median.TotalMilliseconds:0} ms, max {times[^1].TotalMilliseconds:0} ms"
            + (median < TimeSpan.FromSeconds(1) ? " (target < 1 s met)" : " (target < 1 s MISSED)"));
    }

    private TimeSpan Draw(LibraryStatisticsList answer)
    {
        var clock = Stopwatch.StartNew();
        var model = DashboardModel.From(answer, CourseTexts.Swedish, CultureInfo.GetCultureInfo("sv-SE"));
        var charts = Render<StatisticsDashboard>(ps => ps.Add(p => p.Model, model));
        var elapsed = clock.Elapsed;
        charts.FindAll("svg[role=img]").Count.ShouldBe(5);
        charts.FindAll("rect.chart__bar").Count.ShouldBe(4 * Municipalities + 30);
        return elapsed;
    }

    private static LibraryStatisticsList NationalAnswer()
    {
        var random = new Random(2010);
        var items = new List<LibraryStatisticsDto>();
        for (var c = 0; c < Counties; c++)
        {
            items.Add(new() { Name = $"Län {c + 1}", Type = "County", Staff = Staff / Counties, Enrolled = Staff / Counties / 2, Coverage = 0.5, Suppressed = "" });
        }

        for (var m = 0; m < Municipalities; m++)
        {
            var staff = Staff / Municipalities;
            var enrolled = random.Next(0, staff);
            items.Add(new()
            {
                Name = $"Kommun {m + 1:000} kommuns bibliotek", Type = "Municipality", Staff = staff, Enrolled = enrolled, Coverage = (double)enrolled / staff,
                ManagersTakingPart = random.Next(0, 6), EnrolmentsCompleted = random.Next(0, enrolled + 1), FeedbackResponseRate = random.NextDouble(), Suppressed = "",
            });
        }

        var weeks = Enumerable.Range(0, 30).Select(w => new WeeklyReportsDto { WeekStart = new DateOnly(2026, 1, 5).AddDays(7 * w), Reports = w * 37 % 400 }).ToList();
        return new LibraryStatisticsList { Items = items, TotalCount = items.Count, WeeklyReports = weeks };
    }
}
