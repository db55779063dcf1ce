using Microsoft.Playwright;

// Photographs the pages the README shows, from a demo that runs with --seed-demo: the participant's
// thing page (Johan Lundgren's second thing) and the coordinator's progress matrix (Malin Ekdahl's
// running round), at desktop and phone width. Debian's Chromium, through ExecutablePath.
//   dotnet run --project tools/Screenshots -- http://127.0.0.1:5180/ docs/images
const string Chromium = "/usr/bin/chromium";
const string Password = "Demo-Varnamo-2010";

if (args.Length != 2 || !Uri.TryCreate(args[0], UriKind.Absolute, out var baseAddress))
{
    Console.Error.WriteLine("usage: EnSakITaget.Screenshots <demo address, e.g. http://127.0.0.1:5180/> <folder for the images>");
    return 2;
}

var folder = Directory.CreateDirectory(args[1]).FullName;
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = Chromium,
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
});

await ShootAsync("johan.lundgren@varnamo.example.se", "thing-page", async page =>
{
    await page.Locator("li.card").Filter(new() { HasText = "ute nu" }).GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link).ClickAsync();
    await page.Locator("ol.things").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Sak 2:") }).ClickAsync();
    await page.GetByRole(AriaRole.Heading, new() { Name = "Så här gör du" }).WaitForAsync();
});

await ShootAsync("samordnare@varnamo.example.se", "progress-matrix", async page =>
{
    await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Samordna" }).ClickAsync();
    await page.Locator("li.card").Filter(new() { HasText = "Pågår" }).GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link).ClickAsync();
    await page.GetByRole(AriaRole.Navigation, new() { Name = "Omgångens sidor" }).GetByRole(AriaRole.Link, new() { Name = "Deltagarnas framsteg" }).ClickAsync();
    await page.Locator("table.heatmap tbody tr").First.WaitForAsync();
});

return 0;

async Task ShootAsync(string email, string name, Func<IPage, Task> open)
{
    foreach (var (width, height, suffix) in new[] { (1280, 900, "desktop"), (375, 812, "phone") })
    {
        await using var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "sv-SE",
            TimezoneId = "Europe/Stockholm",
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, "logga-in").ToString());
        await page.GetByLabel("E-post").FillAsync(email);
        await page.GetByLabel("Lösenord").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).WaitForAsync();
        await open(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var path = Path.Combine(folder, $"{name}-{suffix}.png");
        await page.ScreenshotAsync(new() { Path = path });
        Console.WriteLine($"screenshots: {Path.GetRelativePath(Environment.CurrentDirectory, path)}");
    }
}
