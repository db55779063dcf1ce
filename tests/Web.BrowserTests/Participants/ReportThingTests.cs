using System.Text.RegularExpressions;
using EnSakITaget.Web.BrowserTests.Common;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Participants;

public sealed class ReportThingTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    [Fact]
    public async Task A_participant_reads_a_released_thing_and_reports_it_with_a_reflection()
    {
        await StartSignedInAsync(Johan);
        await OpenMyRoundAsync("ute nu");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sakerna" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Sista dag")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("ol.things").GetByText(new Regex("Inte släppt än · Planerad till \\d+ \\w+\\.? \\d{4}")).First).ToBeVisibleAsync();
        await CheckPageAsync("round");

        await Page.Locator("ol.things").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Sak 2:") }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Så här gör du" })).ToBeVisibleAsync();
        // The instructions come as the API's safe HTML: paragraphs, not Markdown source.
        await Assertions.Expect(Page.Locator(".instructions p").First).ToContainTextAsync("Starta en egen blogg");
        await CheckPageAsync("thing-started");
        await Page.GetByLabel("Din reflektion").FillAsync("Jag startade en blogg och skrev mitt första inlägg.\n\nSvårast var att välja namn.");
        await Page.GetByLabel("Länk till ditt blogginlägg").FillAsync("https://blogg.example.se/johan/sak-2");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skicka redovisningen" }).ClickAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Redovisningen är sparad.");
        await Assertions.Expect(Page.GetByText("Svårast var att välja namn.")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "https://blogg.example.se/johan/sak-2" })).ToBeVisibleAsync();
        await CheckPageAsync("thing-reported");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Ändra redovisningen" }).ClickAsync();
        await Page.GetByLabel("Din reflektion").FillAsync("Jag startade en blogg, och nu har jag skrivit tre inlägg.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Spara ändringen" }).ClickAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Redovisningen är sparad.");
        await Assertions.Expect(Page.GetByText("nu har jag skrivit tre inlägg")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_path_from_sign_in_to_a_report_works_with_the_keyboard_alone_with_visible_focus()
    {
        await GoToAsync("logga-in");
        await Assertions.Expect(Heading("Logga in")).ToBeVisibleAsync();

        await TabToAsync("Hoppa till innehållet");
        await Page.Keyboard.PressAsync("Enter");
        await TabToAsync("email");
        await Page.Keyboard.TypeAsync(Karin);
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync(DemoPassword);
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Heading("Mina omgångar")).ToBeVisibleAsync();

        // Karin has reported every thing of the running round (README's demo data).
        await TabToAsync("Sociala medier", "Bra jobbat");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sakerna" })).ToBeVisibleAsync();
        await TabToAsync("Sak 1:");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Så här gör du" })).ToBeVisibleAsync();
        await TabToAsync("Ändra redovisningen");
        await Page.Keyboard.PressAsync("Enter");
        await TabToAsync("reflection-text");
        await Page.Keyboard.PressAsync("Control+A");
        await Page.Keyboard.TypeAsync("Skrivet med bara tangentbordet.");
        await TabToAsync("Spara ändringen");
        await Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Redovisningen är sparad.");
        await Assertions.Expect(Page.GetByText("Skrivet med bara tangentbordet.")).ToBeVisibleAsync();
    }
}
