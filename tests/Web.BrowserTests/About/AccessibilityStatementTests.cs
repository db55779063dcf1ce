using EnSakITaget.Web.BrowserTests.Common;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.About;

public sealed class AccessibilityStatementTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    [Fact]
    public async Task The_accessibility_statement_is_open_to_anyone_and_says_how_to_report_a_problem()
    {
        await GoToAsync("tillganglighet");

        await Assertions.Expect(Heading("Tillgänglighetsredogörelse")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Rapportera ett problem" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Mejla om ett tillgänglighetsproblem" }))
            .ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^mailto:"));
        await CheckPageAsync("accessibility-statement");
    }
}
