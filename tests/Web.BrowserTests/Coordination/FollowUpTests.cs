using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using EnSakITaget.Web.BrowserTests.Common;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Coordination;

/// <summary>The coordinator's roster, enrolment, reflections, statistics and survey pages, with axe-core on each.</summary>
public sealed class FollowUpTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    [Fact]
    public async Task A_roster_file_is_tried_first_with_every_rejected_row_shown_by_line_and_reason_and_then_imported()
    {
        await StartAsCoordinatorAsync();
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
        await StartAsCoordinatorAsync();
        await OpenCoordinatedRoundAsync("Deltagare och upptakt");
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
        await StartAsCoordinatorAsync();
        await OpenCoordinatedRoundAsync("Reflektioner att kvittera");
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
        await StartAsCoordinatorAsync();
        await OpenCoordinatedRoundAsync("Spridning och takt");
        await Assertions.Expect(Heading("Spridning och takt")).ToBeVisibleAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Antal deltagare som står vid varje sak" })).ToBeVisibleAsync();
        var table = Page.GetByRole(AriaRole.Table, new() { Name = "Antal deltagare som står vid varje sak" });
        await Assertions.Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(9);
        await CheckPageAsync("coordinator-statistics");
    }

    [Fact]
    public async Task The_survey_page_shows_the_survey_and_its_summary()
    {
        await StartAsCoordinatorAsync();
        await OpenCoordinatedRoundAsync("Enkät");
        await Assertions.Expect(Heading("Enkäten")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sammanställning" })).ToBeVisibleAsync();
        await CheckPageAsync("coordinator-survey");
    }

    [Fact]
    public async Task A_coordinator_edits_the_survey_before_it_opens_and_finds_the_change_after_a_reload()
    {
        await using var round = await FreshRound.OpenAsync(Server.BaseAddress, DemoPassword, "Enkätändring");
        await StartAsCoordinatorAsync();
        await OpenCoordinatedRoundAsync("Enkät", status: round.Title);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Ändra enkäten" })).ToBeVisibleAsync();
        await CheckPageAsync("coordinator-survey-edit");

        await Page.GetByLabel("Anonym: svaren visas utan namn").UncheckAsync();
        await Page.GetByLabel("för var och en som är klar").CheckAsync();
        await Page.Locator("#q1-sv").FillAsync("Vad var roligast med kursen?");
        await Page.Locator("#q1-en").FillAsync("What was the most fun about the course?");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Spara enkäten" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "sparad" })).ToHaveTextAsync("Enkäten är sparad.");

        await Page.ReloadAsync();
        await Assertions.Expect(Page.Locator("#q1-sv")).ToHaveValueAsync("Vad var roligast med kursen?");
        await Assertions.Expect(Page.GetByLabel("Anonym: svaren visas utan namn")).Not.ToBeCheckedAsync();
        await Assertions.Expect(Page.GetByLabel("för var och en som är klar")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task The_progress_downloads_as_csv_and_as_xlsx_each_answered_with_its_type_and_the_participants_in_it()
    {
        await StartAsCoordinatorAsync();
        await OpenCoordinatedRoundAsync("Spridning och takt");

        var (csvType, csv, csvName) = await DownloadAsync("Deltagarnas framsteg som CSV");
        csvType.ShouldStartWith("text/csv");
        csvName.ShouldBe("framsteg.csv");
        csv.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "the CSV starts with a UTF-8 byte order mark, for Excel");
        var text = Encoding.UTF8.GetString(csv, 3, csv.Length - 3);
        text.ShouldContain("Karin Sjöberg");
        text.Split("\r\n")[0].ShouldContain(",");

        var (xlsxType, xlsx, xlsxName) = await DownloadAsync("Deltagarnas framsteg som Excel (.xlsx)");
        xlsxType.ShouldStartWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        xlsxName.ShouldBe("framsteg.xlsx");
        using var workbook = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        workbook.GetEntry("xl/workbook.xml").ShouldNotBeNull();
        var cells = string.Concat(workbook.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
        cells.ShouldContain("Karin Sjöberg");
    }

    [Fact]
    public async Task The_survey_summary_downloads_as_csv()
    {
        await StartAsCoordinatorAsync();
        await OpenCoordinatedRoundAsync("Enkät");

        var (type, bytes, name) = await DownloadAsync("Sammanställning som CSV");
        type.ShouldStartWith("text/csv");
        name.ShouldBe("enkat.csv");
        Encoding.UTF8.GetString(bytes).ShouldContain("Vad var bra med kursen?");
    }

    /// <summary>Clicks a download button: the API's answer (its content type) and the file the browser saves.</summary>
    private async Task<(string ContentType, byte[] Bytes, string FileName)> DownloadAsync(string button)
    {
        var answer = Page.WaitForResponseAsync(r => r.Url.Contains("/api/v1/rounds/", StringComparison.Ordinal) && r.Request.Headers.TryGetValue("accept", out var accept) && !accept.Contains("json", StringComparison.Ordinal));
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync());
        var response = await answer;
        response.Status.ShouldBe(200);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        return (response.Headers["content-type"], bytes, download.SuggestedFilename);
    }
}
