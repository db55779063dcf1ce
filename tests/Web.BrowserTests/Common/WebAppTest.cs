using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Common;

/// <summary>
/// A test in the browser: every page it checks passes axe-core's WCAG 2.1 A and AA rules, has had
/// nothing refused by the Content-Security-Policy, and is photographed at desktop and phone width.
/// </summary>
[Collection(WebAppCollection.Name)]
public abstract class WebAppTest(WebAppServer server, Browser browser) : IAsyncLifetime
{
    /// <summary>Demo logins (README), all with one password.</summary>
    protected const string DemoPassword = "Demo-Varnamo-2010";
    protected const string Johan = "johan.lundgren@varnamo.example.se";
    protected const string Karin = "karin.sjoberg@varnamo.example.se";

    /// <summary>Malin, who coordinates the demo's rounds.</summary>
    public const string DemoCoordinator = "samordnare@varnamo.example.se";

    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>In every page before the app starts: each refusal of the Content-Security-Policy is reported to the test.</summary>
    private const string ReportPolicyViolations = """
        window.policyReports = [];
        document.addEventListener('securitypolicyviolation', e => window.policyReports.push(
          window.reportPolicyViolation(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'} in ${e.sourceFile || e.documentURI}:${e.lineNumber}`)));
        """;

    private readonly List<string> policyViolations = [];
    private IBrowserContext? context;

    protected WebAppServer Server { get; } = server;

    protected IBrowserContext Context => context ?? throw new InvalidOperationException("The test is not initialised.");

    protected IPage Page { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        context = await browser.OpenAsync();
        await context.ExposeFunctionAsync("reportPolicyViolation", (string violation) =>
        {
            lock (policyViolations)
            {
                policyViolations.Add(violation);
            }
        });
        await context.AddInitScriptAsync(ReportPolicyViolations);
        Page = Context.Pages.Count > 0 ? Context.Pages[0] : await Context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (context is not null)
        {
            await context.CloseAsync();
        }
    }

    protected Task GoToAsync(string path) => Page.GotoAsync(new Uri(Server.BaseAddress, path).ToString());

    protected async Task SignInAsync(string email, string password = DemoPassword)
    {
        await Page.GetByLabel("E-post").FillAsync(email);
        await Page.GetByLabel("Lösenord").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
    }

    /// <summary>Opens the sign-in page and signs in: the start of most tests.</summary>
    protected async Task StartSignedInAsync(string email, string password = DemoPassword)
    {
        await GoToAsync("logga-in");
        await SignInAsync(email, password);
    }

    /// <summary>Signs the demo's coordinator in and opens "Samordna", the rounds she coordinates.</summary>
    protected async Task StartAsCoordinatorAsync()
    {
        await StartSignedInAsync(DemoCoordinator);
        await MainMenu().GetByRole(AriaRole.Link, new() { Name = "Samordna" }).ClickAsync();
        await Assertions.Expect(Heading("Omgångar jag samordnar")).ToBeVisibleAsync();
    }

    /// <summary>From "Samordna": opens the round that is running (the demo's "Pågår" card), and then one of its pages if named.</summary>
    protected async Task OpenCoordinatedRoundAsync(string? page = null, string status = "Pågår")
    {
        await Page.Locator("li.card").Filter(new() { HasText = status }).GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link).ClickAsync();
        if (page is not null)
        {
            await Page.GetByRole(AriaRole.Navigation, new() { Name = "Omgångens sidor" }).GetByRole(AriaRole.Link, new() { Name = page, Exact = true }).ClickAsync();
        }
    }

    /// <summary>From "Mina omgångar": opens the participant's round whose card says <paramref name="saying"/> (e.g. "ute nu").</summary>
    protected Task OpenMyRoundAsync(string saying) =>
        Page.Locator("li.card").Filter(new() { HasText = saying }).GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link).ClickAsync();

    protected ILocator MainMenu() => Page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });

    /// <summary>
    /// Presses Tab until the focused element's text (or id) contains <paramref name="target"/> (in a
    /// card or table row that also says <paramref name="within"/>), and checks that the focus can be seen.
    /// </summary>
    protected async Task TabToAsync(string target, string? within = null)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            await Page.Keyboard.PressAsync("Tab");
            var found = await Page.EvaluateAsync<bool>(
                """
                ([target, within]) => {
                  const e = document.activeElement;
                  if (!e || e === document.body) return false;
                  const text = (e.innerText || '') + ' ' + e.id;
                  const around = e.closest('li.card, tr');
                  return text.includes(target) && (!within || (around && around.innerText.includes(within)));
                }
                """,
                new[] { target, within ?? string.Empty });
            if (found)
            {
                var outline = await Page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
                outline.ShouldNotBe("none", $"the focus on \"{target}\" cannot be seen");
                return;
            }
        }

        throw new ShouldAssertException($"Tab never reached \"{target}\"");
    }

    /// <summary>Until the app has drawn its first page over index.html's sign-in form (js/before-app.js).</summary>
    protected Task WaitForTheAppAsync() => Assertions.Expect(Page.Locator("[data-early-sign-in]")).ToHaveCountAsync(0);

    protected ILocator Heading(string name) => Page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 });

    /// <summary>
    /// Checks the page as it stands with axe-core, and that no page of the test so far had something refused by the
    /// Content-Security-Policy (an inline style or script the browser dropped without a word), and saves a screenshot
    /// at 1280 and 375 pixels wide.
    /// </summary>
    /// <param name="name">The screenshots' name.</param>
    /// <param name="whenQuiet">Checks once the page has made no request for half a second; not when a test holds a request back.</param>
    protected async Task CheckPageAsync(string name, bool whenQuiet = true)
    {
        if (whenQuiet)
        {
            await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        await Page.EvaluateAsync("() => Promise.all(window.policyReports ?? [])");
        lock (policyViolations)
        {
            policyViolations.ShouldBeEmpty($"the Content-Security-Policy refused something by {name} ({Page.Url})");
        }

        var result = await Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
        });
        result.Violations.ShouldBeEmpty(
            $"axe-core found WCAG 2.1 A/AA violations on {name} ({Page.Url}):\n" +
            string.Join("\n", result.Violations.Select(v => $"- {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));

        Directory.CreateDirectory(Repository.Results);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(Repository.Results, $"{name}-desktop.png"), FullPage = true });
        var size = Page.ViewportSize!;
        await Page.SetViewportSizeAsync(375, 800);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(Repository.Results, $"{name}-375px.png"), FullPage = true });
        await Page.SetViewportSizeAsync(size.Width, size.Height);
    }
}
