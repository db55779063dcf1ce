using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Common;

/// <summary>
/// WCAG 1.4.10 and 1.4.4: a 375-pixel phone, and 200 % zoom of a 1280 × 900 window (the page then
/// lays out in 640 × 450 CSS pixels): no page scrolls sideways and its key controls can be seen.
/// </summary>
public sealed class ReflowTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    [Theory]
    [InlineData(375, 800)]
    [InlineData(640, 450)]
    public async Task Every_participant_page_fits_the_width_without_sideways_scrolling_and_its_controls_can_be_seen(int width, int height)
    {
        await Page.SetViewportSizeAsync(width, height);
        await GoToAsync("logga-in");
        // The app's sign-in page (index.html's form before it: EarlySignInTests).
        await WaitForTheAppAsync();
        await ShouldFitAsync(Page, "sign-in", Page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }));
        await SignInAsync(Johan);

        await ShouldFitAsync(Page, "my-rounds", Page.Locator("li.card h2 a").First);
        await Page.Locator("li.card h2 a").First.ClickAsync();
        await ShouldFitAsync(Page, "round", Page.Locator("ol.things a").First);
        await Page.Locator("ol.things a").First.ClickAsync();
        await ShouldFitAsync(Page, "thing", Page.GetByRole(AriaRole.Heading, new() { Name = "Redovisa" }));
        await ShouldFitAsync(Page, "thing-action", Page.Locator("section[aria-labelledby=report-title] button").First);

        await GoToAsync("historik");
        await ShouldFitAsync(Page, "history", Page.Locator("ol.history").First);
        await GoToAsync("installningar");
        await ShouldFitAsync(Page, "settings", Page.GetByRole(AriaRole.Button, new() { Name = "Byt lösenord" }));
        await GoToAsync("tillganglighet");
        await ShouldFitAsync(Page, "statement", Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("tillgänglighetsproblem") }));
        await ShouldFitAsync(Page, "sign-out", Page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }));
    }

    /// <summary>The control can be seen within the width, and the page does not scroll sideways.</summary>
    internal static async Task ShouldFitAsync(IPage tab, string pageName, ILocator control)
    {
        await control.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(control).ToBeVisibleAsync();
        await Assertions.Expect(control).ToBeInViewportAsync();
        var box = await control.BoundingBoxAsync() ?? throw new ShouldAssertException($"{pageName}: the control has no box");
        var (scrollWidth, clientWidth) = await tab.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]") is [var s, var c] ? (s, c) : (0, 0);
        scrollWidth.ShouldBeLessThanOrEqualTo(clientWidth, $"{pageName} scrolls sideways at {tab.ViewportSize!.Width} px");
        ((double)box.X + box.Width).ShouldBeLessThanOrEqualTo(clientWidth + 0.5, $"{pageName}: the control reaches past the right edge");
        ((double)box.X).ShouldBeGreaterThanOrEqualTo(0, $"{pageName}: the control starts past the left edge");
    }
}
