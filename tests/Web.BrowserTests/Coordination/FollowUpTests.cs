using System.Text;
using System.Text.RegularExpressions;
using EnSakITaget.Web.BrowserTests.Common;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Coordination;

/// <summary>The coordinator's roster, enrolment, reflections, statistics and survey pages, with axe-core on each.</summary>
public sealed class FollowUpTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    private const string Malin = "samordnare@varnamo.example.se";

    [Fact]
    public async Task A_roster_file_is_tried_first_with_every_rejected_row_shown_by_line_and_reason_and_then_imported()
    {
        await SignInAsCoordinatorAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Personallistan" }).ClickAsync();
        await Assertions.Expect(Heading("Personallistan")).ToBeVisibleAsync();
        await CheckPageAsync("coordinator-roster");

        var csv = "Namn;E-post;Enhet;Titel;Chef\r\nEbba Webbtest;ebba.webbtest@varnamo.example.se;Värnamo stadsbibliotek;Bibliotekarie;nej\r\nUtan Adress;inte-en-adress;Värnamo stadsbibliotek;Bibliotekarie;nej\r\n";
        await Page.GetByLabel("Fil att läsa in").SetInputFilesAsync(new FilePayload
        {
            Name = "personal.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Pröva filen" }).ClickAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Provkörning" })).ToContainTextAsync("1 nya");
        var rejected = Page.GetByRole(AriaRole.Table, new() { Name = "Rader som inte gick att läsa in" });
        await Assertions.Expect(rejected.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Assertions.Expect(rejected.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("3");
        await Assertions.Expect(rejected.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("inte-en-adress");
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Läs in", Exact = true })).ToBeDisabledAsync();
        await CheckPageAsync("coordinator-roster-dry-run");

        await Page.GetByLabel("Läs in de godkända raderna ändå").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Läs in", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Inläst" })).ToContainTextAsync("1 nya");
    }

    [Fact]
    public async Task A_coordinator_records_who_attended_the_kick_off()
    {
        await SignInAsCoordinatorAsync();
        await OpenRoundPageAsync("Deltagare och upptakt");
        await Assertions.Expect(Heading("Deltagare och upptakt")).ToBeVisibleAsync();
        await CheckPageAsync("coordinator-enrolment");

        var johan = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Johan Lundgren" });
        var attended = johan.GetByRole(AriaRole.Checkbox);
        var was = await attended.IsCheckedAsync();
        await attended.ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "sparat" }))
            .ToHaveTextAsync(was ? "Johan Lundgren var inte med vid upptakten: sparat." : "Johan Lundgren var med vid upptakten: sparat.");
    }

    [Fact]
    public async Task A_coordinator_acknowledges_a_waiting_reflection_with_a_comment()
    {
        await SignInAsCoordinatorAsync();
        await OpenRoundPageAsync("Reflektioner att kvittera");
        await Assertions.Expect(Heading("Reflektioner att kvittera")).ToBeVisibleAsync();
        await CheckPageAsync("coordinator-reflections");

        var first = Page.Locator("li.card").First;
        var name = (await first.GetByRole(AriaRole.Heading).InnerTextAsync()).Split(" · ")[0];
        await first.GetByLabel("Din kommentar (valfri)").FillAsync("Tack, fint skrivet!");
        await first.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Kvittera ") }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "kvitterad" })).ToContainTextAsync(name);
    }

    [Fact]
    public async Task The_spread_and_the_weekly_reports_are_charts_with_a_title_a_description_and_their_tables()
    {
        await SignInAsCoordinatorAsync();
        await OpenRoundPageAsync("Spridning och takt");
        await Assertions.Expect(Heading("Spridning och takt")).ToBeVisibleAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Antal deltagare som står vid varje sak" })).ToBeVisibleAsync();
        var table = Page.GetByRole(AriaRole.Table, new() { Name = "Antal deltagare som står vid varje sak" });
        await Assertions.Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(9);
        await CheckPageAsync("coordinator-statistics");
    }

    [Fact]
    public async Task The_survey_page_shows_the_survey_and_its_summary()
    {
        await SignInAsCoordinatorAsync();
        await OpenRoundPageAsync("Enkät");
        await Assertions.Expect(Heading("Enkäten")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sammanställning" })).ToBeVisibleAsync();
        await CheckPageAsync("coordinator-survey");
    }

    private async Task SignInAsCoordinatorAsync()
    {
        await GoToAsync("logga-in");
        await SignInAsync(Malin);
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Samordna" }).ClickAsync();
        await Assertions.Expect(Heading("Omgångar jag samordnar")).ToBeVisibleAsync();
    }

    private async Task OpenRoundPageAsync(string page)
    {
        await Page.Locator("li.card").Filter(new() { HasText = "Pågår" }).GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link).ClickAsync();
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Omgångens sidor" }).GetByRole(AriaRole.Link, new() { Name = page, Exact = true }).ClickAsync();
    }
}
