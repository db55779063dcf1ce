using System.Globalization;
using EnSakITaget.Web.Common;
using EnSakITaget.Web.Common.Api;
using EnSakITaget.Web.ComponentTests.Common;
using EnSakITaget.Web.Statistics;

namespace EnSakITaget.Web.ComponentTests.Statistics;

public sealed class DashboardModelTests : ComponentTest
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    [Fact]
    public void Municipalities_become_rows_and_bars_of_the_same_figures_in_alphabetical_order()
    {
        var model = DashboardModel.From(Statistics(), CourseTexts.Swedish, Swedish);

        model.Municipalities.Select(m => m.Name).ShouldBe(["Gnosjö kommuns bibliotek", "Värnamo kommuns bibliotek"]);
        var varnamo = model.Municipalities[1];
        (varnamo.Staff.Text, varnamo.Enrolled.Text, varnamo.Coverage.Text, varnamo.Managers.Text, varnamo.Completions.Text, varnamo.ResponseRate.Text)
            .ShouldBe(("20", "15", "75 %", "3", "2", "40 %"));
        model.Bars(m => m.Coverage).Select(b => (b.Label, b.Short, b.Value, b.Text))
            .ShouldBe([("Gnosjö kommuns bibliotek", "Gnosjö", 0, "för få"), ("Värnamo kommuns bibliotek", "Värnamo", 75, "75 %")]);
        model.County!.Name.ShouldBe("Jönköpings län");
    }

    [Fact]
    public void A_figure_the_api_held_back_is_shown_as_held_back_never_as_zero()
    {
        var model = DashboardModel.From(Statistics(), CourseTexts.Swedish, Swedish);

        var gnosjo = model.Municipalities[0];
        gnosjo.Enrolled.ShouldBe(new Figure(null, true, "för få"));
        gnosjo.Coverage.HeldBack.ShouldBeTrue();
        gnosjo.Staff.Text.ShouldBe("4");
        model.AnyHeldBack.ShouldBeTrue();
        model.Bars(m => m.Enrolled)[0].Highlight.ShouldBeTrue();
    }

    [Fact]
    public void The_weeks_come_in_order_from_the_api_s_series_and_a_week_held_back_is_drawn_as_held_back()
    {
        var statistics = Statistics(new() { WeekStart = new DateOnly(2010, 3, 1), Reports = 7 }, new() { WeekStart = new DateOnly(2010, 2, 22), Reports = null });

        var model = DashboardModel.From(statistics, CourseTexts.Swedish, Swedish);

        model.Weeks.ShouldBe([new WeekRow(new DateOnly(2010, 2, 22), 0, HeldBack: true), new WeekRow(new DateOnly(2010, 3, 1), 7)]);
        model.WeekBars(CourseTexts.Swedish, Swedish).Select(b => (b.Short, b.Highlight, b.Display)).ShouldBe([("8", true, "för få"), ("9", false, null)]);
    }

    [Fact]
    public void The_dashboard_draws_each_chart_as_a_named_image_with_its_table_and_switches_to_one_table_of_every_figure()
    {
        var model = DashboardModel.From(Statistics(new WeeklyReportsDto { WeekStart = new DateOnly(2010, 3, 1), Reports = 10 }), CourseTexts.Swedish, Swedish);

        var charts = Render<StatisticsDashboard>(ps => ps.Add(p => p.Model, model));

        charts.FindAll("svg[role=img]").Count.ShouldBe(5);
        charts.Find("#coverage-desc").TextContent.ShouldContain("högst är Värnamo kommuns bibliotek med 75 %");
        charts.FindAll("caption").Select(c => c.TextContent).ShouldBe(
            ["Täckning per kommun", "Chefer som är med per kommun", "Klara deltagare per kommun", "Svar på enkäten per kommun", "Redovisade saker per vecka"]);
        charts.Find(".message--note").TextContent.ShouldContain("för få");

        var table = Render<StatisticsDashboard>(ps => ps.Add(p => p.Model, model).Add(p => p.Charts, false));

        table.FindAll("svg").Count.ShouldBe(0);
        table.FindAll("table")[0].QuerySelectorAll("tbody tr").Select(r => r.TextContent.Replace("\n", string.Empty).Trim()).Count().ShouldBe(2);
        table.Find("tfoot th").TextContent.ShouldBe("Jönköpings län");
        table.FindAll("tbody tr")[0].QuerySelectorAll("td").Select(td => td.TextContent).ShouldBe(["4", "för få", "för få", "0", "0", "–"]);
    }

    private static LibraryStatisticsList Statistics(params WeeklyReportsDto[] weeks) => new()
    {
        WeeklyReports = [.. weeks],
        Items =
        [
            new() { Name = "Jönköpings län", Type = "County", Staff = 24, Enrolled = 17, Coverage = 0.7083, ManagersTakingPart = 3, EnrolmentsCompleted = 2, FeedbackResponseRate = 0.4, Suppressed = "" },
            new() { Name = "Värnamo kommuns bibliotek", Type = "Municipality", Staff = 20, Enrolled = 15, Coverage = 0.75, ManagersTakingPart = 3, EnrolmentsCompleted = 2, FeedbackResponseRate = 0.4, Suppressed = "" },
            new() { Name = "Värnamo stadsbibliotek", Type = "MainLibrary", Staff = 11, Enrolled = 11, Coverage = 1, Suppressed = "" },
            new() { Name = "Gnosjö kommuns bibliotek", Type = "Municipality", Staff = 4, Enrolled = null, Coverage = null, ManagersTakingPart = 0, EnrolmentsCompleted = 0, Suppressed = "enrolled coverage" },
        ],
    };
}
