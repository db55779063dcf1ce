using System.Text.Json;
using EnSakITaget.Web.BrowserTests.Common;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Community;

/// <summary>The library's public blog in Chromium: plain HTML anyone reads, accessible, and inert whatever its authors wrote.</summary>
public sealed class PublicBlogTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    private const string Coordinator = "samordnare@varnamo.example.se";

    [Fact]
    public async Task An_approved_post_is_on_the_public_blog_as_an_accessible_page_where_nothing_written_runs()
    {
        var api = Page.APIRequest;
        var login = await api.PostAsync(Url("api/v1/auth/login"), new() { DataObject = new { email = Coordinator, password = DemoPassword } });
        var token = (await login.JsonAsync())!.Value.GetProperty("accessToken").GetString();
        var headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" };
        var rounds = (await (await api.GetAsync(Url("api/v1/rounds?pageSize=200"), new() { Headers = headers })).JsonAsync())!.Value;
        var round = rounds.GetProperty("items").EnumerateArray().First(r => r.GetProperty("status").GetString() == "Open").GetProperty("id").GetString();
        var written = await api.PostAsync(Url($"api/v1/rounds/{round}/posts"), new()
        {
            Headers = headers,
            DataObject = new
            {
                title = "Så kom vi igång med Instagram",
                body = "Vi **provade** och [läste mer](https://www.kb.se).\n\n<script>window.pwned = 1</script>\n\n[klicka](javascript:window.pwned=2)\n\n<img src=x onerror=\"window.pwned=3\">\n\n<svg onload=\"window.pwned=4\"></svg>",
            },
        });
        written.Status.ShouldBe(201, await written.TextAsync());
        var post = (await written.JsonAsync())!.Value.GetProperty("id").GetString();
        (await api.PostAsync(Url($"api/v1/rounds/{round}/posts/{post}/publication"), new() { Headers = headers })).Status.ShouldBe(200);
        var approved = await api.PutAsync(Url($"api/v1/rounds/{round}/posts/{post}/publication"), new() { Headers = headers, DataObject = new { approve = true } });
        approved.Status.ShouldBe(200, await approved.TextAsync());
        var path = (await approved.JsonAsync())!.Value.GetProperty("publication").GetProperty("publicPath").GetString()!;

        var response = await Page.GotoAsync(Url(path.TrimStart('/')));

        response!.Headers["content-type"].ShouldStartWith("text/html");
        response.Headers["content-security-policy"].ShouldContain("default-src 'none'");
        await Assertions.Expect(Heading("Så kom vi igång med Instagram")).ToBeVisibleAsync();
        (await Page.Locator("html").GetAttributeAsync("lang")).ShouldBe("sv");
        (await Page.Locator("script, svg, [onerror], [onload], a[href^='javascript']").CountAsync()).ShouldBe(0);
        (await Page.EvaluateAsync<JsonElement>("() => window.pwned ?? null")).ValueKind.ShouldBe(JsonValueKind.Null);
        await CheckPageAsync("public-blog-post");

        await GoToAsync("blogg/0683");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Så kom vi igång med Instagram" })).ToBeVisibleAsync();
        await CheckPageAsync("public-blog");
    }

    private string Url(string path) => new Uri(Server.BaseAddress, path).ToString();
}
