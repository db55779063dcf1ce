using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Common;

/// <summary>The browser tests' own guard: a page whose inline style the Content-Security-Policy drops fails its check.</summary>
public sealed class PolicyViolationTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    [Fact]
    public async Task A_page_check_fails_when_the_content_security_policy_refused_an_inline_style()
    {
        await GoToAsync("logga-in");
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Logga in" })).ToBeEnabledAsync();

        await Page.EvaluateAsync(
            """
            () => new Promise(refused => {
              document.addEventListener('securitypolicyviolation', () => setTimeout(refused), { once: true });
              document.body.insertAdjacentHTML('beforeend', '<p style="margin-left: 2rem">indrag</p>');
            })
            """);

        // Not Should.ThrowAsync: Shouldly lets its own assertion exceptions through.
        string? failure = null;
        try
        {
            await CheckPageAsync("policy-violation");
        }
        catch (ShouldAssertException refused)
        {
            failure = refused.Message;
        }

        failure.ShouldNotBeNull("the page check passed although the policy refused the inline style");
        failure.ShouldContain("style-src-attr refused inline");
    }
}
