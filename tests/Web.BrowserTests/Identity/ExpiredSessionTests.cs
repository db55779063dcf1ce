using System.Text.RegularExpressions;
using EnSakITaget.Web.BrowserTests.Common;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Identity;

public sealed class ExpiredSessionTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    [Fact]
    public async Task An_expired_session_brings_the_reader_to_sign_in_with_a_message_and_the_reflection_being_written_is_still_there()
    {
        const string draft = "Det här skrev jag medan sessionen tog slut.";
        await GoToAsync("logga-in");
        await SignInAsync(Karin);
        await Page.Locator("li.card").Filter(new() { HasText = "Bra jobbat" }).GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link).ClickAsync();
        await Page.Locator("ol.things").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Sak 1:") }).ClickAsync();
        var thingPage = Page.Url;
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ändra redovisningen" }).ClickAsync();
        await Page.GetByLabel("Din reflektion").FillAsync(draft);

        // The session ends on the server: the refresh cookie is gone, and the access token is refused.
        await Context.ClearCookiesAsync();
        await Page.RouteAsync("**/api/v1/rounds/*/things/*/report", route => route.FulfillAsync(new() { Status = 401 }));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Spara ändringen" }).ClickAsync();

        await Assertions.Expect(Heading("Logga in")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Du har varit utloggad en stund");
        await CheckPageAsync("sign-in-expired");
        await Page.UnrouteAllAsync();
        await SignInAsync(Karin);

        await Assertions.Expect(Page).ToHaveURLAsync(thingPage);
        await Assertions.Expect(Page.GetByLabel("Din reflektion")).ToHaveValueAsync(draft);
    }
}
