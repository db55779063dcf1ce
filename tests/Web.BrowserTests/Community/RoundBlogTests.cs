using System.Text.Json;
using EnSakITaget.Web.BrowserTests.Common;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Community;

/// <summary>The round's closed blog in Chromium, end to end: write with a preview, comment, moderate, approve, and read it on the public blog and in its feed.</summary>
public sealed class RoundBlogTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    private const string Malin = "samordnare@varnamo.example.se";

    /// <summary>What people may try to make the page run; none of it may survive in the web app's or the public blog's HTML.</summary>
    private const string Attacks =
        "<script>window.pwned = 1</script>\n\n[klicka](javascript:window.pwned=2)\n\n<img src=x onerror=\"window.pwned=3\">\n\n<svg onload=\"window.pwned=4\"></svg>";

    private const string Inert = ".blog-text script, .blog-text svg, .blog-text [onerror], .blog-text [onload], .blog-text a[href^='javascript']";

    [Fact]
    public async Task Two_participants_post_and_comment_a_coordinator_hides_a_comment_and_approves_a_post_and_it_reaches_the_public_blog_and_its_feed()
    {
        var title = $"Vi provade Instagram {Guid.NewGuid():N}"[..32];
        var karinsTitle = $"Om poddar {Guid.NewGuid():N}"[..22];

        var roundPath = $"omgangar/{await OpenRoundAsync()}";

        // Karin writes a post of her own.
        await GoToAsync("logga-in");
        await SignInAsync(Karin);
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await GoToAsync($"{roundPath}/blogg");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Skriv ett inlägg" })).ToBeVisibleAsync();
        await Page.GetByLabel("Rubrik").FillAsync(karinsTitle);
        await Page.Locator("#post-body").FillAsync("Vi lyssnar på *poddar* i personalrummet.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publicera", Exact = true }).ClickAsync();
        await Assertions.Expect(Heading(karinsTitle)).ToBeVisibleAsync();
        var karinsPath = new Uri(Page.Url).AbsolutePath.TrimStart('/');
        await SignOutAsync();

        // Johan writes a post, previewing it first, and comments on Karin's.
        await SignInAsync(Johan);
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Bloggar" }).ClickAsync();
        await Assertions.Expect(Heading("Omgångarnas bloggar")).ToBeVisibleAsync();
        await CheckPageAsync("blogs");
        await GoToAsync($"{roundPath}/blogg");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Skriv ett inlägg" })).ToBeVisibleAsync();
        await Page.GetByLabel("Rubrik").FillAsync(title);
        await Page.Locator("#post-body").FillAsync($"Vi **provade** och [läste mer](https://www.kb.se).\n\n{Attacks}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Förhandsgranska" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".preview strong")).ToHaveTextAsync("provade");
        (await Page.Locator(".preview script, .preview svg, .preview [onerror], .preview [onload], .preview a[href^='javascript']").CountAsync()).ShouldBe(0);
        await CheckPageAsync("round-blog-write");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publicera", Exact = true }).ClickAsync();
        await Assertions.Expect(Heading(title)).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator(".blog-text strong").First).ToHaveTextAsync("provade");
        (await Page.Locator(Inert).CountAsync()).ShouldBe(0, "nothing written runs in the web app");
        var postPath = new Uri(Page.Url).AbsolutePath.TrimStart('/');
        await Page.GetByRole(AriaRole.Button, new() { Name = "Be om publicering på den öppna bloggen" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Väntar på samordnarens beslut om den öppna bloggen.")).ToBeVisibleAsync();
        await CheckPageAsync("round-blog-post");
        await GoToAsync(karinsPath);
        await Assertions.Expect(Heading(karinsTitle)).ToBeVisibleAsync();
        await Page.Locator("#comment-body").FillAsync("Vilka poddar?");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skicka kommentaren" }).ClickAsync();
        await Assertions.Expect(Page.Locator("li.comment").Filter(new() { HasText = "Vilka poddar?" })).ToBeVisibleAsync();
        await SignOutAsync();

        // Karin comments on Johan's post, trying the same tricks.
        await SignInAsync(Karin);
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" })).ToBeVisibleAsync();
        await GoToAsync(postPath);
        await Assertions.Expect(Heading(title)).ToBeVisibleAsync();
        await Page.Locator("#comment-body").FillAsync($"Snyggt, Johan!\n\n{Attacks}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skicka kommentaren" }).ClickAsync();
        var comment = Page.Locator("li.comment").Filter(new() { HasText = "Snyggt, Johan!" });
        await Assertions.Expect(comment).ToBeVisibleAsync();
        (await Page.Locator(Inert).CountAsync()).ShouldBe(0, "nothing written in a comment runs in the web app");
        (await Page.EvaluateAsync<JsonElement>("() => window.pwned ?? null")).ValueKind.ShouldBe(JsonValueKind.Null);
        await CheckPageAsync("round-blog-comment");
        await SignOutAsync();

        // Malin hides the comment, shows it again, hides it for good, and approves the post for the public blog.
        await SignInAsync(Malin);
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" })).ToBeVisibleAsync();
        await GoToAsync(postPath);
        await Assertions.Expect(Heading(title)).ToBeVisibleAsync();
        await HideAsync(comment, "Håll god ton");
        await CheckPageAsync("round-blog-moderated");
        await comment.GetByRole(AriaRole.Button, new() { Name = "Visa igen" }).ClickAsync();
        await Assertions.Expect(comment.GetByText("Håll god ton")).ToHaveCountAsync(0);
        await HideAsync(comment, "Håll god ton, tack");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Godkänn för den öppna bloggen" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Publicerat på bibliotekets öppna blogg.")).ToBeVisibleAsync();

        // The post is on the library's public blog and in its feed, for anyone; Karin's, never asked for, is on neither.
        await GoToAsync("blogg/0683");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        (await Page.ContentAsync()).ShouldNotContain(karinsTitle);
        await CheckPageAsync("public-blog-after-approval");
        await Page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(Heading(title)).ToBeVisibleAsync();
        (await Page.Locator("script, svg, [onerror], [onload], a[href^='javascript']").CountAsync()).ShouldBe(0);
        (await Page.ContentAsync()).ShouldNotContain("Snyggt, Johan!");
        var feed = await Page.APIRequest.GetAsync(Url("blogg/0683/feed.atom"));
        feed.Status.ShouldBe(200);
        var atom = await feed.TextAsync();
        var ns = System.Xml.Linq.XNamespace.Get("http://www.w3.org/2005/Atom");
        System.Xml.Linq.XDocument.Parse(atom).Root!.Elements(ns + "entry").Select(e => e.Element(ns + "title")!.Value).ShouldContain(title);
        atom.ShouldNotContain(karinsTitle);
        atom.ShouldNotContain("Snyggt, Johan!");
    }

    private static async Task HideAsync(ILocator comment, string reason)
    {
        await comment.GetByRole(AriaRole.Button, new() { Name = "Dölj", Exact = true }).ClickAsync();
        await comment.GetByLabel("Varför döljs det? Författaren ser skälet.").FillAsync(reason);
        await comment.GetByRole(AriaRole.Button, new() { Name = "Dölj med skälet" }).ClickAsync();
        await Assertions.Expect(comment.GetByText(reason)).ToBeVisibleAsync();
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
