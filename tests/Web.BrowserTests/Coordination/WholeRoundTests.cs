using System.Text;
using System.Text.RegularExpressions;
using EnSakITaget.Web.BrowserTests.Common;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Coordination;

/// <summary>
/// The report's round played in the web app from start to end, on a round of its own: the coordinator
/// imports a roster with a bad row, enrols a unit and a chosen person, records the kick-off, sets the
/// survey and releases the two things; a new participant comes in by the invitation, reads the things and
/// reports them; the coordinator sees the matrix change, reminds a laggard, acknowledges the reflection;
/// the participant answers the survey and the coordinator reads its summary. axe-core on every page.
/// </summary>
public sealed class WholeRoundTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    private const string Unit = "Horda bibliotek";

    [Fact]
    public async Task A_whole_round_is_played_in_the_web_app_by_its_coordinator_and_a_new_participant()
    {
        await using var round = await FreshRound.OpenAsync(Server.BaseAddress, DemoPassword, "Hela omgången");
        var newcomer = $"ny.deltagare.{Guid.NewGuid():N}@varnamo.example.se";

        // The roster: a new colleague at Horda, and a row without an e-mail address that is turned away.
        await StartAsCoordinatorAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Personallistan" }).ClickAsync();
        var csv = $"Namn;E-post;Enhet;Titel;Chef\r\nNora Nilsson;{newcomer};{Unit};Bibliotekarie;nej\r\nUtan Adress;;{Unit};Bibliotekarie;nej\r\n";
        await Page.GetByLabel("Fil att läsa in").SetInputFilesAsync(new FilePayload { Name = "personal.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Pröva filen" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Rader som inte gick att läsa in" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await CheckPageAsync("round-play-roster-dry-run");
        await Page.GetByLabel("Läs in de godkända raderna ändå").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Läs in", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Inläst" })).ToContainTextAsync("1 nya");

        // Enrolment: the whole unit, then one chosen person from another unit, and who came to the kick-off.
        await MainMenu().GetByRole(AriaRole.Link, new() { Name = "Samordna" }).ClickAsync();
        await OpenCoordinatedRoundAsync("Deltagare och upptakt", status: round.Title);
        await Assertions.Expect(Heading("Deltagare och upptakt")).ToBeVisibleAsync();
        await EnrolUnitAsync(Unit);
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "inskrivna" })).ToHaveTextAsync(new Regex(@"^2 inskrivna, 0 redan inskrivna"));
        await Page.GetByLabel("Utvalda personer").CheckAsync();
        await Page.GetByLabel("Sök på namn eller e-post").FillAsync("Lena Wikström");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Visa", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^Lena Wikström") }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skriv in", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "inskrivna" })).ToHaveTextAsync(new Regex(@"^1 inskrivna, 0 redan inskrivna"));
        await Assertions.Expect(Page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row)).ToHaveCountAsync(4);
        await Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Nora Nilsson" }).GetByRole(AriaRole.Checkbox).CheckAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "sparat" })).ToHaveTextAsync("Nora Nilsson var med vid upptakten: sparat.");
        await CheckPageAsync("round-play-enrolment");

        // The survey opens for each one who is done, set before anyone is; then the thing is released.
        await RoundPageAsync("Enkät");
        await Page.GetByLabel("för var och en som är klar").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Spara enkäten" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "sparad" })).ToHaveTextAsync("Enkäten är sparad.");
        await RoundPageAsync("Översikt");
        foreach (var position in new[] { 1, 2 })
        {
            await Page.GetByRole(AriaRole.Button, new() { Name = "Släpp nästa sak nu" }).ClickAsync();
            await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Ja, släpp den nu" }).ClickAsync();
            await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "är släppt" })).ToHaveTextAsync($"Sak {position} är släppt.");
        }

        await CheckPageAsync("round-play-released");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();

        // The newcomer follows the invitation, reads the thing (its headings under the page's own) and reports it.
        await GoToAsync($"aktivera?token={Uri.EscapeDataString(await Server.TokenMailedToAsync(newcomer, "aktivera"))}");
        await Page.GetByLabel("Nytt lösenord").FillAsync("Noras-eget-losenord-2026");
        await Page.GetByLabel("Upprepa lösenordet").FillAsync("Noras-eget-losenord-2026");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skapa kontot" }).ClickAsync();
        await Assertions.Expect(Heading("Mina omgångar")).ToBeVisibleAsync();
        await OpenMyRoundAsync(round.Title);
        await Page.Locator("ol.things").GetByRole(AriaRole.Link, new() { Name = $"Sak 1: {FreshRound.ThingTitle}" }).ClickAsync();
        await Assertions.Expect(Heading(FreshRound.ThingTitle)).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator(".instructions").GetByRole(AriaRole.Heading, new() { Name = "Ljudböcker", Level = 3 })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator(".instructions").GetByRole(AriaRole.Heading, new() { Name = "Tips", Level = 4 })).ToBeVisibleAsync();
        await ReportAsync("Jag lyssnade på en novell på bussen. Bra för den som pendlar!");
        await CheckPageAsync("round-play-reported");
        await Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^← ") }).ClickAsync();
        await Page.Locator("ol.things").GetByRole(AriaRole.Link, new() { Name = $"Sak 2: {FreshRound.SecondThingTitle}" }).ClickAsync();
        await Assertions.Expect(Heading(FreshRound.SecondThingTitle)).ToBeVisibleAsync();
        await ReportAsync("En podd om deckare, under disken.");

        // Done with both things: the survey is open to her, and answered once.
        await Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^← ") }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Svara på enkäten" }).ClickAsync();
        // AllAsync does not wait: the page says "Laddar" until the survey has come, and then has no text areas yet.
        await Assertions.Expect(Page.Locator("form textarea")).ToHaveCountAsync(3);
        foreach (var text in await Page.Locator("form textarea").AllAsync())
        {
            await text.FillAsync("Att lyssna i stället för att läsa.");
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "Skicka svaren" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tack! Du har svarat på enkäten.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();

        // The coordinator: the matrix shows the report, a laggard is reminded, the reflection acknowledged, the survey summarised.
        await StartAsCoordinatorAsync();
        await OpenCoordinatedRoundAsync("Deltagarnas framsteg", status: round.Title);
        var heatMap = Page.GetByRole(AriaRole.Region, new() { Name = "Värmekarta, rulla åt sidan för fler saker" });
        await Assertions.Expect(heatMap.GetByRole(AriaRole.Row, new() { Name = "Nora Nilsson" }).GetByRole(AriaRole.Cell).First).ToContainTextAsync("Redovisad");
        await Assertions.Expect(heatMap.GetByRole(AriaRole.Row, new() { Name = "Lena Wikström" }).GetByRole(AriaRole.Cell).First).Not.ToContainTextAsync("Redovisad");
        await CheckPageAsync("round-play-matrix");

        await RoundPageAsync("De som halkat efter");
        await Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Lena Wikström" }).GetByRole(AriaRole.Checkbox).CheckAsync();
        await Page.GetByLabel("Ditt meddelande (valfritt)").FillAsync("Hej Lena! Ljudboken tar bara en kvart.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Påminn de valda" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "påminda" })).ToHaveTextAsync("1 påminda.");

        await RoundPageAsync("Reflektioner att kvittera");
        var reflection = Page.Locator("li.card").Filter(new() { HasText = "Nora Nilsson · Sak 1" });
        await Assertions.Expect(reflection).ToContainTextAsync("Bra för den som pendlar");
        await reflection.GetByLabel("Din kommentar (valfri)").FillAsync("Vilket bra tips, tack!");
        await reflection.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Kvittera ") }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "kvitterad" })).ToContainTextAsync("Nora Nilsson");

        await RoundPageAsync("Enkät");
        await Assertions.Expect(Page.GetByText(new Regex(@"^1 av 3 har svarat"))).ToBeVisibleAsync();
        await CheckPageAsync("round-play-survey-summary");
    }

    private Task RoundPageAsync(string page) =>
        Page.GetByRole(AriaRole.Navigation, new() { Name = "Omgångens sidor" }).GetByRole(AriaRole.Link, new() { Name = page, Exact = true }).ClickAsync();

    private async Task EnrolUnitAsync(string unit)
    {
        // The units are indented by their place in the tree: choose by the option's text.
        var value = await Page.GetByLabel("Enhet", new() { Exact = true }).Locator("option").Filter(new() { HasText = unit }).GetAttributeAsync("value");
        await Page.GetByLabel("Enhet", new() { Exact = true }).SelectOptionAsync(value!);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skriv in", Exact = true }).ClickAsync();
    }

    private async Task ReportAsync(string reflection)
    {
        // CountAsync does not wait: the page first shows one of the two, a thing not begun or the form.
        var start = Page.GetByRole(AriaRole.Button, new() { Name = "Börja med den här saken" });
        var field = Page.GetByLabel("Din reflektion");
        await Assertions.Expect(start.Or(field)).ToBeVisibleAsync();
        if (await start.CountAsync() > 0)
        {
            await start.ClickAsync();
        }

        await field.FillAsync(reflection);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skicka redovisningen" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Redovisningen är sparad.");
    }
}
