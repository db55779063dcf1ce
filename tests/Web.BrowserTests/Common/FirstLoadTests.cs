using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace EnSakITaget.Web.BrowserTests.Common;

/// <summary>What a municipal PC downloads the first time: measured and written down, not asserted (the goal lives in bench/).</summary>
public sealed class FirstLoadTests(WebAppServer server, Browser browser, ITestOutputHelper output) : WebAppTest(server, browser)
{
    [Fact]
    public async Task The_bytes_of_a_cold_first_load_of_the_sign_in_page_are_measured()
    {
        var responses = new List<IResponse>();
        Page.Response += (_, response) => responses.Add(response);
        var started = DateTimeOffset.UtcNow;

        await GoToAsync("logga-in");
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Logga in" })).ToBeEnabledAsync();
        var usable = DateTimeOffset.UtcNow - started;
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        long transferred = 0;
        foreach (var response in responses.ToList())
        {
            var sizes = await response.Request.SizesAsync();
            transferred += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
        }

        var report = string.Create(CultureInfo.InvariantCulture,
            $"cold first load of /logga-in: {responses.Count} responses, {transferred} bytes transferred ({transferred / 1024.0 / 1024.0:F2} MiB), sign-in usable after {usable.TotalMilliseconds:F0} ms");
        output.WriteLine(report);
        Directory.CreateDirectory(Repository.Results);
        await File.WriteAllTextAsync(Path.Combine(Repository.Results, "first-load.txt"), report + "\n");
        transferred.ShouldBeGreaterThan(0);
    }
}
