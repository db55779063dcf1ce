using EnSakITaget.Web.BrowserTests.Common;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Community;

/// <summary>The round's closed blog in Chromium, end to end: write with a preview, comment, moderate, approve, and read it on the public blog.</summary>
public sealed class RoundBlogTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    private const string Malin = "samordnare@varnamo.example.se";

    [Fact]
    public async Task A_post_previewed_commented_moderated_and_approved_reaches_the_public_blog()
    {
        var title = $"Vi provade Instagram {Guid.NewGuid():N}"[..32];

        var roundPath = $"omgangar/{await OpenRoundAsync()}";

        // Johan writes a post, previewing it first.
        await GoToAsync("logga-in");
        await SignInAsync(Johan);
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Bloggar" }).ClickAsync();
        await Assertions.Expect(Heading("Omgångarnas bloggar")).ToBeVisibleAsync();
        await CheckPageAsync("blogs");
        await GoToAsync($"{roundPath}/blogg");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Skriv ett inlägg" })).ToBeVisibleAsync();
        await Page.GetByLabel("Rubrik").FillAsync(title);
        await Page.Locator("#post-body").FillAsync("Vi **provade** och <script>window.pwned = 1</script>[läste mer](https://www.kb.se).");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Förhandsgranska" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".preview strong")).ToHaveTextAsync("provade");
        (await Page.Locator(".preview script").CountAsync()).ShouldBe(0);
        await CheckPageAsync("round-blog-write");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publicera", Exact = true }).ClickAsync();
        await Assertions.Expect(Heading(title)).ToBeVisibleAsync();
        var postPath = new Uri(Page.Url).AbsolutePath.TrimStart('/');
        await Page.GetByRole(AriaRole.Button, new() { Name = "Be om publicering på den öppna bloggen" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Väntar på samordnarens beslut om den öppna bloggen.")).ToBeVisibleAsync();
        await CheckPageAsync("round-blog-post");
        await SignOutAsync();

        // Karin comments on it.
        await SignInAsync(Karin);
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" })).ToBeVisibleAsync();
        await GoToAsync(postPath);
        await Assertions.Expect(Heading(title)).ToBeVisibleAsync();
        await Page.Locator("#comment-body").FillAsync("Snyggt, Johan!");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skicka kommentaren" }).ClickAsync();
        var comment = Page.Locator("li.comment").Filter(new() { HasText = "Snyggt, Johan!" });
        await Assertions.Expect(comment).ToBeVisibleAsync();
        await CheckPageAsync("round-blog-comment");
        await SignOutAsync();

        // Malin hides the comment, shows it again, and approves the post for the public blog.
        await SignInAsync(Malin);
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" })).ToBeVisibleAsync();
        await GoToAsync(postPath);
        await Assertions.Expect(Heading(title)).ToBeVisibleAsync();
        await comment.GetByRole(AriaRole.Button, new() { Name = "Dölj", Exact = true }).ClickAsync();
        await comment.GetByLabel("Varför döljs det? Författaren ser skälet.").FillAsync("Håll god ton");
        await comment.GetByRole(AriaRole.Button, new() { Name = "Dölj med skälet" }).ClickAsync();
        await Assertions.Expect(comment.GetByText("Håll god ton")).ToBeVisibleAsync();
        await CheckPageAsync("round-blog-moderated");
        await comment.GetByRole(AriaRole.Button, new() { Name = "Visa igen" }).ClickAsync();
        await Assertions.Expect(comment.GetByText("Håll god ton")).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Godkänn för den öppna bloggen" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Publicerat på bibliotekets öppna blogg.")).ToBeVisibleAsync();

        // The post is on the library's public blog, for anyone.
        await GoToAsync("blogg/0683");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await CheckPageAsync("public-blog-after-approval");
    }

    /// <summary>The demo's open round, where Johan and Karin take part and Malin coordinates.</summary>
    private async Task<string> OpenRoundAsync()
    {
        var api = Page.APIRequest;
        var login = await api.PostAsync(Url("api/v1/auth/login"), new() { DataObject = new { email = Malin, password = DemoPassword } });
        var token = (await login.JsonAsync())!.Value.GetProperty("accessToken").GetString();
        var rounds = (await (await api.GetAsync(Url("api/v1/rounds?pageSize=200"), new() { Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" } })).JsonAsync())!.Value;
        return rounds.GetProperty("items").EnumerateArray().First(r => r.GetProperty("status").GetString() == "Open").GetProperty("id").GetString()!;
    }

    private string Url(string path) => new Uri(Server.BaseAddress, path).ToString();

    private async Task SignOutAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await Assertions.Expect(Page.GetByLabel("E-post")).ToBeVisibleAsync();
    }
}
