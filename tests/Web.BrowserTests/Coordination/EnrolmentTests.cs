using System.Text.RegularExpressions;
using EnSakITaget.Web.BrowserTests.Common;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Coordination;

/// <summary>The coordinator enrols a whole unit of her round's library, on a round of its own; axe-core on the page.</summary>
public sealed class EnrolmentTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    private const string Unit = "Bokbussen";

    [Fact]
    public async Task A_coordinator_enrols_a_whole_unit_and_enrolling_it_again_adds_no_one_twice()
    {
        await using var round = await FreshRound.OpenAsync(Server.BaseAddress, DemoPassword, "Inskrivning");

        await StartAsCoordinatorAsync();
        await OpenCoordinatedRoundAsync("Deltagare och upptakt", status: round.Title);
        await Assertions.Expect(Heading("Deltagare och upptakt")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);

        // The units are indented by their place in the tree: the option is chosen by its text.
        var unitList = Page.GetByLabel("Enhet", new() { Exact = true });
        var value = await unitList.Locator("option").Filter(new() { HasText = Unit }).GetAttributeAsync("value");
        await unitList.SelectOptionAsync(value!);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skriv in", Exact = true }).ClickAsync();

        var status = Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "inskrivna" });
        await Assertions.Expect(status).ToHaveTextAsync("2 inskrivna, 0 redan inskrivna, 0 piloter.");
        var enrolled = Page.GetByRole(AriaRole.Table, new() { Name = "Inskrivna deltagare, 2 personer" });
        await Assertions.Expect(enrolled.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await Assertions.Expect(enrolled.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("^Mats Carlsson") })).ToHaveCountAsync(1);
        await Assertions.Expect(enrolled.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("^Elin Forsberg") })).ToHaveCountAsync(1);
        await CheckPageAsync("enrolment-unit");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Skriv in", Exact = true }).ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("0 inskrivna, 2 redan inskrivna, 0 piloter.");
        await Assertions.Expect(enrolled.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
    }
}
