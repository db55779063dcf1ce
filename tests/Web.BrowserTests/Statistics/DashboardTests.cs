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
}
