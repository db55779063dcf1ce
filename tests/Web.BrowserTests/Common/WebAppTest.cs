using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Common;

/// <summary>A test in the browser: every page it visits passes axe-core's WCAG 2.1 A and AA rules, and is photographed at desktop and phone width.</summary>
[Collection(WebAppCollection.Name)]
public abstract class WebAppTest(WebAppServer server, Browser browser) : IAsyncLifetime
{
    /// <summary>Demo logins (README), all with one password.</summary>
    protected const string DemoPassword = "Demo-Varnamo-2010";
    protected const string Johan = "johan.lundgren@varnamo.example.se";
    protected const string Karin = "karin.sjoberg@varnamo.example.se";

    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private IBrowserContext? context;

    protected WebAppServer Server { get; } = server;

    protected IBrowserContext Context => context ?? throw new InvalidOperationException("The test is not initialised.");

    protected IPage Page { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        context = await browser.OpenAsync();
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

    protected ILocator Heading(string name) => Page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 });

    /// <summary>Checks the page as it stands with axe-core and saves a screenshot at 1280 and 375 pixels wide.</summary>
    protected async Task CheckPageAsync(string name)
    {
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
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
