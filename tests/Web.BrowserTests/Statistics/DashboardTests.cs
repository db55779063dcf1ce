using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using EnSakITaget.Web.BrowserTests.Common;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Statistics;

/// <summary>The county's statistics dashboard over the demo data, with axe-core on both views.</summary>
public sealed class DashboardTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    private const string CountyAdmin = "lansbibliotek@jonkoping.example.se";

    [Fact]
    public async Task A_county_admin_reads_the_dashboard_as_charts_with_their_tables_and_as_one_table_and_filters_by_course()
    {
        await GoToAsync("logga-in");
        await SignInAsync(CountyAdmin);
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Länets statistik" }).ClickAsync();
        await Assertions.Expect(Heading("Länets statistik")).ToBeVisibleAsync();

        var coverage = Page.GetByRole(AriaRole.Img, new() { Name = "Täckning per kommun" });
        await Assertions.Expect(coverage).ToBeVisibleAsync();
        var coverageTable = Page.GetByRole(AriaRole.Table, new() { Name = "Täckning per kommun" });
        await Assertions.Expect(coverageTable.GetByRole(AriaRole.Row, new() { Name = "Värnamo kommuns bibliotek" })).ToContainTextAsync("%");
        await Assertions.Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Redovisade saker per vecka" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Statistiken per kommun som CSV" })).ToBeVisibleAsync();
        await CheckPageAsync("county-dashboard-charts");

        await Page.GetByRole(AriaRole.Radio, new() { Name = "Tabell" }).CheckAsync();
        var table = Page.GetByRole(AriaRole.Table, new() { Name = "Kommunerna i siffror" });
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(13);
        await Assertions.Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = "Chefer med" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Img)).ToHaveCountAsync(0);
        await CheckPageAsync("county-dashboard-table");

        await Page.GetByLabel("Kurs", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Visa", Exact = true }).ClickAsync();
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(13);
    }

    [Fact]
    public async Task On_a_phone_the_charts_text_stays_readable_and_each_chart_scrolls_sideways_in_a_region_the_keyboard_reaches()
    {
        await Page.SetViewportSizeAsync(375, 800);
        await GoToAsync("logga-in");
        await SignInAsync(CountyAdmin);
        await MainMenu().GetByRole(AriaRole.Link, new() { Name = "Länets statistik" }).ClickAsync();
        await Assertions.Expect(Heading("Länets statistik")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Redovisade saker per vecka" })).ToBeVisibleAsync();

        // Every text of every chart as drawn: its font size times the picture's scale on the screen.
        var sizes = await Page.EvaluateAsync<double[]>(
            """
            () => [...document.querySelectorAll('svg.chart__picture text')].map(t =>
              parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a)
            """);
        sizes.Length.ShouldBeGreaterThan(5 * 2);
        var drawn = await Page.EvaluateAsync<string>("() => { const s = document.querySelector('svg.chart__picture'); return s.parentElement.outerHTML.slice(0, 300) + ' min-width=' + getComputedStyle(s).minWidth + ' width=' + s.getBoundingClientRect().width; }");
        sizes.Min().ShouldBeGreaterThanOrEqualTo(11, $"the smallest chart text at 375 px, in CSS pixels ({drawn})");

        var (pageWidth, viewport) = await Page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]") is [var s, var c] ? (s, c) : (0, 0);
        pageWidth.ShouldBeLessThanOrEqualTo(viewport, "the page itself does not scroll sideways; the charts do");
        var coverage = Page.Locator("#coverage-scroll");
        await Assertions.Expect(coverage).ToHaveAttributeAsync("role", "region");
        await Assertions.Expect(coverage).ToHaveAccessibleNameAsync("Täckning per kommun");
        (await coverage.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth")).ShouldBeTrue("the coverage chart scrolls sideways");
        await TabToAsync("coverage-scroll");
        await Page.Keyboard.PressAsync("ArrowRight");
        await Page.Keyboard.PressAsync("ArrowRight");
        await Page.WaitForFunctionAsync("() => document.getElementById('coverage-scroll').scrollLeft > 0", null, new() { Timeout = 5_000 });

        var result = await Page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        result.Violations.ShouldBeEmpty(string.Join("\n", result.Violations.Select(v => $"- {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
        Directory.CreateDirectory(Repository.Results);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(Repository.Results, "county-dashboard-phone-scrolled-375px.png"), FullPage = true });
    }
}
