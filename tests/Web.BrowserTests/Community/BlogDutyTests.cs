using System.Globalization;
using EnSakITaget.Web.BrowserTests.Common;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Community;

/// <summary>The blog duty in Chromium: the coordinator lays out and swaps the rota by keyboard, and the round's blog, reached from the round, says who writes this week.</summary>
public sealed class BlogDutyTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    [Fact]
    public async Task The_coordinator_sets_who_writes_which_week_and_the_participant_sees_this_weeks_writer_on_the_round_blog_reached_from_the_round()
    {
        // Malin lays out the rota for Johan and Karin from this week, by keyboard.
        await StartSignedInAsync(DemoCoordinator);
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await MainMenu().GetByRole(AriaRole.Link, new() { Name = "Bloggar" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Bloggjouren: vem skriver vilken vecka" }).ClickAsync();
        await Assertions.Expect(Heading("Bloggjouren")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByLabel("Johan Lundgren")).ToBeVisibleAsync();
        foreach (var volunteer in new[] { "Johan Lundgren", "Karin Sjöberg" })
        {
            await Page.GetByLabel(volunteer).FocusAsync();
            await Page.Keyboard.PressAsync("Space");
        }

        await Assertions.Expect(Page.GetByLabel("Karin Sjöberg (tur 2)")).ToBeCheckedAsync();
        await Page.GetByLabel("Första veckan").FillAsync(DateTime.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.GetByLabel("Antal jourveckor").FillAsync("4");
        await TabToAsync("Spara schemat");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Schemat är sparat." })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Den här veckan skriver Johan Lundgren.")).ToBeVisibleAsync();
        (await Page.Locator("table tbody tr").CountAsync()).ShouldBe(4);
        await CheckPageAsync("blog-duty");
        await ShouldNotScrollSidewaysAt375Async();

        // Johan and Karin agree to swap this week and the next.
        var weeks = Page.Locator("#swap-a option");
        await Page.GetByLabel("Byt med vecka").SelectOptionAsync(new SelectOptionValue { Value = await weeks.Nth(1).GetAttributeAsync("value") });
        await TabToAsync("Byt veckorna");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.GetByText("Den här veckan skriver Karin Sjöberg.")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Veckorna är bytta." })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await Assertions.Expect(Page.GetByLabel("E-post")).ToBeVisibleAsync();

        // Johan goes from his round to its blog, by keyboard, and sees who writes this week.
        await SignInAsync(Johan);
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" })).ToBeVisibleAsync();
        await OpenMyRoundAsync("ute nu");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Omgångens blogg" })).ToBeVisibleAsync();
        await CheckPageAsync("round-with-blog-link");
        await TabToAsync("Omgångens blogg");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Bloggen – ");
        await Assertions.Expect(Page.GetByText("Den här veckan skriver Karin Sjöberg på bibliotekets blogg.")).ToBeVisibleAsync();
        await CheckPageAsync("round-blog-writer-this-week");
        await ShouldNotScrollSidewaysAt375Async();
    }

    private async Task ShouldNotScrollSidewaysAt375Async()
    {
        var size = Page.ViewportSize!;
        await Page.SetViewportSizeAsync(375, 800);
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        await Page.SetViewportSizeAsync(size.Width, size.Height);
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], $"{Page.Url} scrolls sideways at 375 px");
    }
}
