using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace EnSakITaget.Bench;

/// <summary>
/// The web app in headless Chromium (Debian's, as the browser tests use it) against the published API:
/// the bytes and time of a cold first load until sign-in is usable, beside a warm second load, and the
/// time to draw a 350 x 130 progress matrix once its data has arrived, beside the API's own time for
/// that data, and a scroll to its far corner. Goals (issue 15): under 3 MB on a cold load, sign-in
/// usable under 2 s, the matrix drawn under 1 s. Reported, not asserted.
/// </summary>
internal static class WebBenchmark
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private const double GoalColdBytes = 3 * 1024 * 1024;
    private const double GoalSignInMilliseconds = 2_000;
    private const double GoalDrawMilliseconds = 1_000;
    private const int ColdLoads = 5;
    private const int Draws = 5;

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Every resource of the page in its timing buffer (a cold load has about 50 to 250), so that the sums below miss none.</summary>
    private const string LargeTimingBuffer = "performance.setResourceTimingBufferSize(10000);";

    /// <summary>The page's own view of what it fetched: bytes on the wire (headers and compressed bodies) and as decoded.</summary>
    private const string SumTransfers = """
        () => {
          const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
          return { count: entries.length,
                   transferred: entries.reduce((n, e) => n + (e.transferSize || 0), 0),
                   encoded: entries.reduce((n, e) => n + (e.encodedBodySize || 0), 0),
                   decoded: entries.reduce((n, e) => n + (e.decodedBodySize || 0), 0) };
        }
        """;

    /// <summary>
    /// Asks the matrix page for a page of <c>rows</c> participants as a person would (the page size, then
    /// "Visa"), and times in the page: from the click to the data's last byte, and to the frame in which every
    /// row is in the table; then a scroll to the far corner and the frames until it is shown.
    /// </summary>
    private const string DrawMatrix = """
        async ([rows, size]) => {
          const frame = () => new Promise(resolve => requestAnimationFrame(() => resolve()));
          const count = () => document.querySelectorAll('table.heatmap tbody tr').length;
          performance.clearResourceTimings();
          const select = document.getElementById('filter-page-size');
          select.value = String(size);
          select.dispatchEvent(new Event('change', { bubbles: true }));
          const clicked = performance.now();
          select.form.requestSubmit();
          while (count() < rows) {
            await frame();
            if (performance.now() - clicked > 60000) return null;
          }
          await frame();
          const drawn = performance.now();
          const data = performance.getEntriesByType('resource').filter(e => e.name.includes('/progress?')).pop();
          const region = document.querySelector('.heatmap-scroll');
          const scrollStart = performance.now();
          region.scrollLeft = region.scrollWidth;
          window.scrollTo(0, document.body.scrollHeight);
          await frame();
          await frame();
          return { rows: count(), clicked, drawn, requestStart: data ? data.startTime : null, dataEnd: data ? data.responseEnd : null,
                   scrolled: performance.now() - scrollStart };
        }
        """;

    public static async Task<IReadOnlyList<string>> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        if (!File.Exists(ChromiumPath))
        {
            throw new BenchSetupException($"{ChromiumPath} is missing: install Debian's chromium package (./test.sh does) to run --only web");
        }

        using var api = new ApiClient(options.ApiUrl);
        Step($"signing in as {options.AdminEmail}");
        await api.LoginAsync(options.AdminEmail, options.AdminPassword, cancellationToken);
        var (roundId, cells) = await MatrixBenchmark.PrepareRoundAsync(options, api, "97", "Webb", cancellationToken);
        var (_, apiElapsed) = await api.GetAsync($"/api/v1/rounds/{roundId}/progress?pageSize=500", cancellationToken);

        using var playwright = await Playwright.CreateAsync();
        Step($"{ColdLoads} cold loads of /logga-in, each in a new profile, then one warm load");
        var cold = new List<LoadFigures>();
        LoadFigures? warm = null;
        for (var i = 0; i < ColdLoads; i++)
        {
            await using var context = await OpenAsync(playwright);
            var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            cold.Add(await LoadSignInAsync(page, options.ApiUrl));
            if (i == ColdLoads - 1)
            {
                warm = await LoadSignInAsync(page, options.ApiUrl);
            }
        }

        Step($"{ColdLoads} cold loads of /logga-in, signing in the moment the form can be used");
        var signedIn = new List<double>();
        for (var i = 0; i < ColdLoads; i++)
        {
            await using var context = await OpenAsync(playwright);
            signedIn.Add(await SignInAtOnceAsync(context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync(), options));
        }

        Step($"drawing the {options.MatrixParticipants} x {options.MatrixThings} matrix {Draws} times, signed in through the page");
        var draws = new List<DrawFigures>();
        await using (var context = await OpenAsync(playwright))
        {
            var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            await page.GotoAsync(new Uri(options.ApiUrl, "logga-in").ToString());
            await page.GetByLabel("E-post").FillAsync(options.AdminEmail);
            await page.GetByLabel("Lösenord").FillAsync(options.AdminPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).WaitForAsync();
            await page.GotoAsync(new Uri(options.ApiUrl, $"samordna/omgangar/{roundId}/framsteg").ToString());
            await page.Locator("table.heatmap tbody tr").First.WaitForAsync(new() { Timeout = 120_000 });
            for (var i = 0; i < Draws; i++)
            {
                // Back to a small page first, so that each measured draw builds all the rows anew.
                await page.EvaluateAsync<JsonElement>(DrawMatrix, new object[] { 50, 50 });
                var figures = await page.EvaluateAsync<JsonElement?>(DrawMatrix, new object[] { options.MatrixParticipants, 500 });
                if (figures is not { } drawn || drawn.ValueKind == JsonValueKind.Null)
                {
                    failures.Add($"the matrix did not show {options.MatrixParticipants} rows within 60 s");
                    break;
                }

                draws.Add(DrawFigures.Of(drawn));
            }
        }

        if (draws.Count > 0 && draws[^1].Rows != options.MatrixParticipants)
        {
            failures.Add($"the heat map drew {draws[^1].Rows} rows, not {options.MatrixParticipants}");
        }

        Report(options, cells, cold, warm!, signedIn, draws, apiElapsed);
        return failures;
    }

    /// <summary>A new headless Chromium with a profile of its own, as every measured load here uses.</summary>
    internal static async Task<IBrowserContext> OpenAsync(IPlaywright playwright)
    {
        var profile = Directory.CreateTempSubdirectory("ensakitaget-bench-chromium-").FullName;
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = Arguments,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "sv-SE",
            TimezoneId = "Europe/Stockholm",
        });
        await context.AddInitScriptAsync(LargeTimingBuffer);
        context.SetDefaultTimeout(120_000);
        context.Close += (_, _) =>
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may hold a file a moment longer; the temp folder is the system's to clean.
            }
        };
        return context;
    }

    /// <summary>Opens the sign-in page and waits until its button can be pressed: the time is the page's own, from the navigation's start.</summary>
    private static async Task<LoadFigures> LoadSignInAsync(IPage page, Uri baseAddress)
    {
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(new Uri(baseAddress, "logga-in").ToString());
        var usable = await page.WaitForFunctionAsync(
            "() => { const b = [...document.querySelectorAll('button')].find(x => x.textContent.trim() === 'Logga in'); return b && !b.disabled ? performance.now() : 0; }",
            null, new() { Timeout = 120_000 });
        var usableMs = await usable.JsonValueAsync<double>();
        clock.Stop();
        // index.html's form is usable first (js/before-app.js); the app's own page replaces it once .NET has started.
        var app = await page.WaitForFunctionAsync(
            "() => !document.querySelector('[data-early-sign-in]') && [...document.querySelectorAll('button')].some(x => x.textContent.trim() === 'Logga in') ? performance.now() : 0",
            null, new() { Timeout = 120_000 });
        var appMs = await app.JsonValueAsync<double>();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var sums = await page.EvaluateAsync<JsonElement>(SumTransfers);
        return new LoadFigures(usableMs, appMs, sums.GetProperty("count").GetInt32(), sums.GetProperty("transferred").GetDouble(),
            sums.GetProperty("encoded").GetDouble(), sums.GetProperty("decoded").GetDouble());
    }

    /// <summary>
    /// A cold load in which the reader signs in the moment the form can be used (the demo's bench administrator,
    /// typed by Playwright): the time from the navigation to the signed-in page ("Logga ut" in it), which waits
    /// for the app either way, as the page after the sign-in is the app's.
    /// </summary>
    private static async Task<double> SignInAtOnceAsync(IPage page, BenchOptions options)
    {
        await page.GotoAsync(new Uri(options.ApiUrl, "logga-in").ToString());
        await page.GetByLabel("E-post").FillAsync(options.AdminEmail);
        await page.GetByLabel("Lösenord").FillAsync(options.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        var signedIn = await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('button')].some(x => x.textContent.trim() === 'Logga ut') ? performance.now() : 0",
            null, new() { Timeout = 120_000 });
        return await signedIn.JsonValueAsync<double>();
    }

    private static void Report(BenchOptions options, long cells, List<LoadFigures> cold, LoadFigures warm, List<double> signedIn, List<DrawFigures> draws, TimeSpan apiElapsed)
    {
        var coldUsable = Median(cold.Select(c => c.UsableMs));
        var coldBytes = Median(cold.Select(c => c.Transferred));
        Console.WriteLine();
        Console.WriteLine($"Web app in headless Chromium ({ChromiumPath}), published API in Release on 127.0.0.1; load average (1 min): {Stats.LoadAverage()} on {Environment.ProcessorCount} CPUs");
        Console.WriteLine();
        Console.WriteLine($"{"figure",-52} {"median",12} {"min-max",20} {"goal",10} {"vs goal",8}");
        Console.WriteLine(new string('-', 52 + 12 + 20 + 10 + 8 + 4));
        Row("a) cold load of /logga-in, bytes on the wire", coldBytes, cold.Select(c => c.Transferred), GoalColdBytes, Mib);
        Row("   the same, decoded (what gzip/Brotli saved)", Median(cold.Select(c => c.Decoded)), cold.Select(c => c.Decoded), null, Mib);
        Row($"b) cold load: sign-in usable ({cold[0].Responses} responses)", coldUsable, cold.Select(c => c.UsableMs), GoalSignInMilliseconds, Ms);
        Row("   cold load: the app's own sign-in page drawn", Median(cold.Select(c => c.AppMs)), cold.Select(c => c.AppMs), null, Ms);
        Row("   cold load, pressed at once: signed in", Median(signedIn), signedIn, null, Ms);
        Row("c) warm second load: sign-in usable", warm.UsableMs, [warm.UsableMs], null, Ms);
        Row("   warm second load: the app's own sign-in page drawn", warm.AppMs, [warm.AppMs], null, Ms);
        Row("   warm second load, bytes on the wire", warm.Transferred, [warm.Transferred], null, Mib);
        if (draws.Count > 0)
        {
            var draw = Median(draws.Select(d => d.DrawMs));
            Row($"d) matrix {options.MatrixParticipants} x {options.MatrixThings} drawn after its data arrived", draw, draws.Select(d => d.DrawMs), GoalDrawMilliseconds, Ms);
            Row("e) the data in the page: click to its last byte", Median(draws.Select(d => d.DataMs)), draws.Select(d => d.DataMs), null, Ms);
            Row("f) the same data, API alone (HttpClient, no browser)", apiElapsed.TotalMilliseconds, [apiElapsed.TotalMilliseconds], null, Ms);
            Row("g) scroll to the matrix's far corner, shown", Median(draws.Select(d => d.ScrollMs)), draws.Select(d => d.ScrollMs), null, Ms);
            Console.WriteLine();
            Console.WriteLine(
                $"side by side: the cold load is {Ratio(coldUsable, warm.UsableMs)} the warm one; drawing the matrix takes " +
                $"{Ratio(draw, apiElapsed.TotalMilliseconds)} the API's time for its data ({cells} cells)");
            Console.WriteLine(
                $"targets: cold load under 3 MB: {Verdict(coldBytes, GoalColdBytes)}; sign-in usable under 2 s: {Verdict(coldUsable, GoalSignInMilliseconds)}; " +
                $"matrix drawn under 1 s: {Verdict(draw, GoalDrawMilliseconds)}");
        }
    }

    private static void Row(string figure, double median, IEnumerable<double> all, double? goal, Func<double, string> format)
    {
        var values = all.ToList();
        var spread = $"{format(values.Min())}-{format(values.Max())}";
        Console.WriteLine(
            $"{figure,-52} {format(median),12} {spread,20} {(goal is { } g ? format(g) : "-"),10} {(goal is { } h ? Ratio(median, h) : "-"),8}");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Mib(double bytes) => (bytes / 1024 / 1024).ToString("F2", CultureInfo.InvariantCulture) + " MiB";

    private static string Ms(double milliseconds) => milliseconds.ToString("F0", CultureInfo.InvariantCulture) + " ms";

    private static string Ratio(double value, double floor) => (value / floor).ToString("F2", CultureInfo.InvariantCulture) + "x";

    private static string Verdict(double value, double goal) => value < goal ? "PASS" : "FAIL";

    private static void Step(string message) => Console.WriteLine($"bench: {message}");

    private sealed record LoadFigures(double UsableMs, double AppMs, int Responses, double Transferred, double Encoded, double Decoded);

    private sealed record DrawFigures(int Rows, double DrawMs, double DataMs, double ScrollMs)
    {
        public static DrawFigures Of(JsonElement e)
        {
            var dataEnd = e.GetProperty("dataEnd").ValueKind == JsonValueKind.Number ? e.GetProperty("dataEnd").GetDouble() : e.GetProperty("clicked").GetDouble();
            return new DrawFigures(
                e.GetProperty("rows").GetInt32(),
                e.GetProperty("drawn").GetDouble() - dataEnd,
                dataEnd - e.GetProperty("clicked").GetDouble(),
                e.GetProperty("scrolled").GetDouble());
        }
    }
}
