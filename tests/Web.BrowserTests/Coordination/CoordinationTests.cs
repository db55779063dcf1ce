using System.Text.RegularExpressions;
using EnSakITaget.Web.BrowserTests.Common;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Coordination;

/// <summary>The coordinator's pages against the demo data's running round (README), with axe-core on every page.</summary>
public sealed class CoordinationTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    [Fact]
    public async Task A_coordinator_sees_the_round_s_timeline_with_its_table_and_releases_the_next_thing_after_confirming()
    {
        await StartAsCoordinatorAsync();
        await CheckPageAsync("coordinator-rounds");

        await OpenCoordinatedRoundAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Schema" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Schema" })).ToBeVisibleAsync();
        var table = Page.GetByRole(AriaRole.Table, new() { Name = "Sakerna och när de kommer ut" });
        await Assertions.Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(9);
        await Assertions.Expect(table.GetByRole(AriaRole.Row).Nth(3)).ToContainTextAsync("Nästa");
        // The value under "Nästa sak" does not say "Nästa sak" again.
        await Assertions.Expect(Page.Locator("xpath=//dl[contains(@class,'facts')]/dt[normalize-space(.)='Nästa sak']/following-sibling::dd[1]"))
            .ToHaveTextAsync(new Regex(@"^(kommer ut \d{1,2} \w+\.? \d{4}|inte planerad än|Alla saker är ute)$"));
        await CheckPageAsync("coordinator-round");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Släpp nästa sak nu" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = "Släppa nästa sak nu?" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Avbryt" })).ToBeFocusedAsync();
        await CheckPageAsync("coordinator-release-dialog");
        await Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(table.GetByRole(AriaRole.Row).Nth(3)).ToContainTextAsync("Nästa");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Släpp nästa sak nu" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Ja, släpp den nu" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "är släppt" })).ToHaveTextAsync("Sak 3 är släppt.");
        await Assertions.Expect(table.GetByRole(AriaRole.Row).Nth(3)).ToContainTextAsync("Ute");
    }

    [Fact]
    public async Task The_progress_matrix_is_a_heat_map_with_text_in_every_cell_and_a_table_to_switch_to()
    {
        await StartAsCoordinatorAsync();
        await OpenCoordinatedRoundAsync("Deltagarnas framsteg");

        var heatMap = Page.GetByRole(AriaRole.Region, new() { Name = "Värmekarta, rulla åt sidan för fler saker" });
        await Assertions.Expect(heatMap).ToBeVisibleAsync();
        var karin = heatMap.GetByRole(AriaRole.Row, new() { Name = "Karin Sjöberg" });
        await Assertions.Expect(karin.GetByRole(AriaRole.Cell)).ToHaveCountAsync(8);
        await Assertions.Expect(karin.GetByRole(AriaRole.Cell).First).ToContainTextAsync("Redovisad");
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "deltagare" })).ToContainTextAsync(new Regex(@"^\d+ deltagare · Sida 1 av 1$"));
        await CheckPageAsync("coordinator-matrix");

        await Page.GetByLabel("Tabell").CheckAsync();
        var table = Page.GetByRole(AriaRole.Table);
        await Assertions.Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = "Står vid" })).ToBeVisibleAsync();
        await Assertions.Expect(table.GetByRole(AriaRole.Row, new() { Name = "Karin Sjöberg" })).ToContainTextAsync("8 / 8");
        await CheckPageAsync("coordinator-matrix-table");

        await Page.GetByLabel("Deltagarens läge").SelectOptionAsync(new SelectOptionValue { Label = "Klar" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Visa", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "deltagare" })).ToContainTextAsync("1 deltagare");
    }

    [Fact]
    public async Task A_coordinator_nudges_a_laggard_with_a_message_by_keyboard_alone_with_visible_focus()
    {
        await GoToAsync("logga-in");
        await Assertions.Expect(Heading("Logga in")).ToBeVisibleAsync();
        await TabToAsync("Hoppa till innehållet");
        await Page.Keyboard.PressAsync("Enter");
        await TabToAsync("email");
        await Page.Keyboard.TypeAsync(DemoCoordinator);
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync(DemoPassword);
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Samordna" })).ToBeVisibleAsync();

        await TabToAsync("Samordna");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Heading("Omgångar jag samordnar")).ToBeVisibleAsync();
        await TabToAsync("Sociala medier", "Pågår");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Schema" })).ToBeVisibleAsync();
        await TabToAsync("De som halkat efter");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Heading("De som halkat efter")).ToBeVisibleAsync();
        await CheckPageAsync("coordinator-laggards");

        await TabToAsync("choose-", "Maria Gustavsson");
        await Page.Keyboard.PressAsync("Space");
        await TabToAsync("nudge-message");
        await Page.Keyboard.TypeAsync("Hej Maria! Sak 1 tar bara en kvart. Hör av dig om du kör fast.");
        await TabToAsync("Påminn de valda");
        await Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "påminda" })).ToHaveTextAsync("1 påminda.");
        var maria = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Maria Gustavsson" });
        await Assertions.Expect(maria.GetByRole(AriaRole.Checkbox)).ToBeDisabledAsync();
    }

    [Fact]
    public async Task A_participant_who_types_a_coordinator_s_address_gets_a_friendly_page()
    {
        await StartSignedInAsync(Johan);
        var openRound = Page.Locator("li.card").Filter(new() { HasText = "ute nu" });
        var href = await openRound.GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link).GetAttributeAsync("href");
        await Assertions.Expect(MainMenu().GetByRole(AriaRole.Link, new() { Name = "Samordna" })).ToHaveCountAsync(0);

        await GoToAsync($"samordna/{href}/framsteg");
        await Assertions.Expect(Heading("Den här sidan är inte din att se")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Till startsidan" })).ToBeVisibleAsync();
        await CheckPageAsync("coordinator-not-yours");
    }
}
