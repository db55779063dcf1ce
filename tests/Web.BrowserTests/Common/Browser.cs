using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Common;

/// <summary>
/// Debian's Chromium (the <c>chromium</c> package, which ./test.sh installs when missing), driven
/// by Playwright through ExecutablePath: no browser is ever downloaded. Each test gets a fresh
/// profile, so no cookie or storage passes from one test to the next.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? playwright;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: ./test.sh installs the chromium package with apt.");
        }

        playwright = await Playwright.CreateAsync();
        // The first load compiles and starts .NET in the page: on a busy two-core machine that takes seconds.
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    /// <summary>A browser window of the given width with a profile of its own, Swedish as a Swedish PC would be.</summary>
    public async Task<IBrowserContext> OpenAsync(int width = 1280, int height = 900)
    {
        var profile = Directory.CreateTempSubdirectory("ensakitaget-chromium-").FullName;
        var context = await playwright!.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = Arguments,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "sv-SE",
            TimezoneId = "Europe/Stockholm",
        });
        context.SetDefaultTimeout(30_000);
        context.Close += (_, _) => TryDelete(profile);
        return context;
    }

    public Task DisposeAsync()
    {
        playwright?.Dispose();
        return Task.CompletedTask;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a file for a moment; the temp folder is cleaned by the system.
        }
    }
}
