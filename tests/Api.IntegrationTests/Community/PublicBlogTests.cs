using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Participants;
using EnSakITaget.Application.Community;

namespace EnSakITaget.Api.IntegrationTests.Community;

/// <summary>A library's public blog: only approved posts that are not hidden, as HTML and as an Atom feed, for anyone.</summary>
public sealed class PublicBlogTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Blog = "/blogg/0683";

    [Fact]
    public async Task Anyone_reads_an_approved_post_and_nothing_else_of_the_round_s_blog()
    {
        var (round, anna, bo) = await RoundWithTwoAsync();
        var approved = await PublishAsync(round, anna, "Så gör vi", "Vi **provade** Instagram.");
        var requested = await anna.WriteAsync(round, "Bara begärd", "Inte godkänd");
        await anna.Client.PostAsync($"{round.Url}/posts/{requested.Id}/publication", null);
        var roundOnly = await bo.WriteAsync(round, "Bara för kursen", "Hemligt");
        await (await bo.Client.PostJsonAsync($"{round.Url}/posts/{approved.Id}/comments", new { body = "Kommentar från Bo" })).ShouldBeAsync<CommentDto>(HttpStatusCode.Created);
        var anonymous = Factory.CreateClient();

        var index = await anonymous.GetAsync(Blog);
        var page = await anonymous.GetAsync(approved.Publication.PublicPath);
        var byId = await anonymous.GetAsync($"{Blog}/{approved.Id}");
        var html = await index.Content.ReadAsStringAsync();

        index.StatusCode.ShouldBe(HttpStatusCode.OK);
        index.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        html.ShouldStartWith("<!DOCTYPE html><html lang=\"sv\">");
        html.ShouldContain("Så gör vi");
        html.ShouldContain("<strong>provade</strong>");
        html.ShouldNotContain("Bara begärd");
        html.ShouldNotContain("Bara för kursen");
        html.ShouldNotContain("Kommentar från Bo");
        html.ShouldNotContain("@");
        index.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("default-src 'none'; style-src 'sha256-");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        byId.StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var hidden in new[] { requested.Id, roundOnly.Id })
        {
            (await anonymous.GetAsync($"{Blog}/{hidden}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await anonymous.GetAsync("/blogg/0617")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync($"{Blog}/inget-sadant-inlagg")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_hidden_post_leaves_the_public_blog_and_its_feed()
    {
        var (round, anna, _) = await RoundWithTwoAsync();
        var post = await PublishAsync(round, anna, "Så gör vi", "Text");
        await (await Client.PostJsonAsync($"{round.Url}/posts/{post.Id}/hide", new { reason = "Fel bild" })).ShouldBeAsync<PostDto>(HttpStatusCode.OK);
        var anonymous = Factory.CreateClient();

        (await anonymous.GetAsync(post.Publication.PublicPath)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await anonymous.GetAsync(Blog)).Content.ReadAsStringAsync()).ShouldNotContain("Så gör vi");
        (await (await anonymous.GetAsync($"{Blog}/feed.atom")).Content.ReadAsStringAsync()).ShouldNotContain("Så gör vi");
    }

    [Fact]
    public async Task The_feed_is_atom_that_a_feed_reader_parses_with_every_element_rfc_4287_requires()
    {
        var (round, anna, _) = await RoundWithTwoAsync();
        var post = await PublishAsync(round, anna, "Så gör vi", "Vi **provade** <script>alert(1)</script>");

        var response = await Factory.CreateClient().GetAsync($"{Blog}/feed.atom");
        var xml = await response.Content.ReadAsStringAsync();
        using var reader = XmlReader.Create(new StringReader(xml));
        var feed = SyndicationFeed.Load(reader);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        feed.Id.ShouldNotBeNullOrWhiteSpace();
        feed.Title.Text.ShouldBe("Värnamo kommuns bibliotek – blogg");
        feed.LastUpdatedTime.ShouldNotBe(default);
        feed.Authors.ShouldNotBeEmpty();
        feed.Links.ShouldContain(l => l.RelationshipType == "self" && l.Uri.AbsolutePath == $"{Blog}/feed.atom");
        feed.Links.ShouldContain(l => l.RelationshipType == "alternate" && l.Uri.AbsolutePath == Blog);
        var entry = feed.Items.ShouldHaveSingleItem();
        entry.Id.ShouldBe($"urn:uuid:{post.Id}");
        entry.Title.Text.ShouldBe("Så gör vi");
        entry.LastUpdatedTime.ShouldNotBe(default);
        entry.Links.ShouldContain(l => l.RelationshipType == "alternate" && l.Uri.AbsolutePath == post.Publication.PublicPath);
        var content = ((TextSyndicationContent)entry.Content).Text;
        content.ShouldContain("<strong>provade</strong>");
        XssAssertions.ShouldBeInert(content);

        // RFC 4287 4.1.1: atom:feed has exactly one id, title and updated, and an author unless every entry has one.
        var atom = XNamespace.Get("http://www.w3.org/2005/Atom");
        var root = XDocument.Parse(xml).Root!;
        root.Name.ShouldBe(atom + "feed");
        foreach (var required in new[] { "id", "title", "updated" })
        {
            root.Elements(atom + required).Count().ShouldBe(1, required);
            root.Elements(atom + "entry").ShouldAllBe(e => e.Elements(atom + required).Count() == 1);
        }

        root.Elements(atom + "author").ShouldHaveSingleItem().Element(atom + "name").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("[klicka](javascript:alert(1))")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<svg onload=alert(1)><script>alert(1)</script></svg>")]
    public async Task Script_in_a_public_post_is_neutralised_on_its_pages(string attack)
    {
        var (round, anna, _) = await RoundWithTwoAsync();
        var post = await PublishAsync(round, anna, "Test", attack);
        var anonymous = Factory.CreateClient();

        foreach (var path in new[] { Blog, post.Publication.PublicPath! })
        {
            var html = await (await anonymous.GetAsync(path)).Content.ReadAsStringAsync();
            XssAssertions.ShouldBeInert(html);
        }
    }

    [Fact]
    public async Task The_web_app_does_not_answer_for_the_blog_s_paths()
    {
        var response = await Factory.CreateClient().GetAsync("/blogg/0683/a/b");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<(RunningRound Round, Participant Anna, Participant Bo)> RoundWithTwoAsync()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        return (round, await round.EnrolAsync("Anna Ek"), await round.EnrolAsync("Bo Ström"));
    }

    private async Task<PostDto> PublishAsync(RunningRound round, Participant author, string title, string body)
    {
        var post = await author.WriteAsync(round, title, body);
        await (await author.Client.PostAsync($"{round.Url}/posts/{post.Id}/publication", null)).ShouldBeAsync<PostDto>(HttpStatusCode.OK);
        return await (await Client.PutJsonAsync($"{round.Url}/posts/{post.Id}/publication", new { approve = true })).ShouldBeAsync<PostDto>(HttpStatusCode.OK);
    }
}
