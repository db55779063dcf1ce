using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Api.IntegrationTests.Participants;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Community;
using EnSakITaget.Application.Courses;
using EnSakITaget.Application.Libraries;
using EnSakITaget.Domain.Community;
using EnSakITaget.Domain.Identity;
using Npgsql;

namespace EnSakITaget.Api.IntegrationTests.Community;

/// <summary>A round's closed blog: its people post and comment, authors edit, coordinators hide; nobody else sees a word of it.</summary>
public sealed class RoundBlogTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Participants_post_and_comment_and_read_each_other_newest_first_by_thing()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var bo = await round.EnrolAsync("Bo Ström");

        var first = await anna.WriteAsync(round, "Min blogg", "Jag har **startat** en blogg.", round.ThingId(1));
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await bo.WriteAsync(round, "Om Instagram", "Vi borde prova.");
        var comment = await (await bo.Client.PostJsonAsync($"{round.Url}/posts/{first.Id}/comments", new { body = "Snyggt, Anna!" }))
            .ShouldBeAsync<CommentDto>(HttpStatusCode.Created);

        var all = await (await anna.Client.GetAsync($"{round.Url}/posts")).ShouldBeAsync<PagedList<PostDto>>(HttpStatusCode.OK);
        var byThing = await (await bo.Client.GetAsync($"{round.Url}/posts?thingId={round.ThingId(1)}")).ShouldBeAsync<PagedList<PostDto>>(HttpStatusCode.OK);
        var comments = await (await anna.Client.GetAsync($"{round.Url}/posts/{first.Id}/comments")).ShouldBeAsync<PagedList<CommentDto>>(HttpStatusCode.OK);

        all.Items.Select(p => p.Id).ShouldBe([second.Id, first.Id]);
        all.Items.Single(p => p.Id == first.Id).ShouldSatisfyAllConditions(
            p => p.AuthorName.ShouldBe("Anna Ek"), p => p.IsMine.ShouldBeTrue(), p => p.Comments.ShouldBe(1),
            p => p.BodyHtml.ShouldBe("<p>Jag har <strong>startat</strong> en blogg.</p>"));
        byThing.Items.ShouldHaveSingleItem().Id.ShouldBe(first.Id);
        comments.Items.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            c => c.Id.ShouldBe(comment.Id), c => c.AuthorName.ShouldBe("Bo Ström"), c => c.IsMine.ShouldBeFalse(), c => c.BodyHtml.ShouldBe("<p>Snyggt, Anna!</p>"));
    }

    [Fact]
    public async Task Only_the_author_edits_and_every_earlier_version_is_kept()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var bo = await round.EnrolAsync("Bo Ström");
        var post = await anna.WriteAsync(round, "Min blogg", "Första versionen");

        var edited = await (await anna.Client.PutJsonAsync($"{round.Url}/posts/{post.Id}", new { title = "Min blogg", body = "Andra versionen" }))
            .ShouldBeAsync<PostDto>(HttpStatusCode.OK);
        var byBo = await bo.Client.PutJsonAsync($"{round.Url}/posts/{post.Id}", new { title = "Bos", body = "Kapad" });
        var seenByBo = await (await bo.Client.GetAsync($"{round.Url}/posts/{post.Id}")).ShouldBeAsync<PostDto>(HttpStatusCode.OK);
        var seenByCoordinator = await (await Client.GetAsync($"{round.Url}/posts/{post.Id}")).ShouldBeAsync<PostDto>(HttpStatusCode.OK);

        edited.Body.ShouldBe("Andra versionen");
        edited.Edits.ShouldBe(1);
        edited.History.ShouldHaveSingleItem().Body.ShouldBe("Första versionen");
        await byBo.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        seenByBo.Body.ShouldBe("Andra versionen");
        seenByBo.History.ShouldBeEmpty();
        seenByCoordinator.History.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Only_the_author_edits_a_comment_and_its_earlier_versions_are_kept_for_the_author_and_the_coordinator()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var bo = await round.EnrolAsync("Bo Ström");
        var post = await anna.WriteAsync(round, "Min blogg", "Hej");
        var comment = await (await bo.Client.PostJsonAsync($"{round.Url}/posts/{post.Id}/comments", new { body = "Snyggt!" }))
            .ShouldBeAsync<CommentDto>(HttpStatusCode.Created);
        var commentUrl = $"{round.Url}/posts/{post.Id}/comments/{comment.Id}";

        Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var edited = await (await bo.Client.PutJsonAsync(commentUrl, new { body = "Snyggt, Anna!" })).ShouldBeAsync<CommentDto>(HttpStatusCode.OK);
        var unchanged = await (await bo.Client.PutJsonAsync(commentUrl, new { body = "Snyggt, Anna!" })).ShouldBeAsync<CommentDto>(HttpStatusCode.OK);
        var byAnna = await anna.Client.PutJsonAsync(commentUrl, new { body = "Kapad" });
        var seenByAnna = await (await anna.Client.GetAsync($"{round.Url}/posts/{post.Id}/comments")).ShouldBeAsync<PagedList<CommentDto>>(HttpStatusCode.OK);
        var seenByCoordinator = await (await Client.GetAsync($"{round.Url}/posts/{post.Id}/comments")).ShouldBeAsync<PagedList<CommentDto>>(HttpStatusCode.OK);

        edited.ShouldSatisfyAllConditions(
            c => c.Body.ShouldBe("Snyggt, Anna!"), c => c.Edits.ShouldBe(1),
            c => c.History.ShouldHaveSingleItem().ShouldSatisfyAllConditions(h => h.Body.ShouldBe("Snyggt!"), h => h.Title.ShouldBeNull(), h => h.WrittenAt.ShouldBe(comment.CreatedAt)));
        unchanged.Edits.ShouldBe(1);
        await byAnna.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        seenByAnna.Items.ShouldHaveSingleItem().ShouldSatisfyAllConditions(c => c.Body.ShouldBe("Snyggt, Anna!"), c => c.Edits.ShouldBe(1), c => c.History.ShouldBeEmpty());
        seenByCoordinator.Items.ShouldHaveSingleItem().History.ShouldHaveSingleItem().Body.ShouldBe("Snyggt!");
    }

    [Fact]
    public async Task A_hidden_post_and_comment_are_shown_to_their_authors_with_the_reason_and_to_nobody_else_and_the_audit_trail_keeps_it()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var bo = await round.EnrolAsync("Bo Ström");
        var post = await anna.WriteAsync(round, "Om en låntagare", "Namn och adress ...");
        var other = await anna.WriteAsync(round, "Om bloggar", "Bra!");
        var comment = await (await bo.Client.PostJsonAsync($"{round.Url}/posts/{other.Id}/comments", new { body = "Dumt skrivet" }))
            .ShouldBeAsync<CommentDto>(HttpStatusCode.Created);

        var hidden = await (await Client.PostJsonAsync($"{round.Url}/posts/{post.Id}/hide", new { reason = "Personuppgifter om en låntagare" }))
            .ShouldBeAsync<PostDto>(HttpStatusCode.OK);
        await (await Client.PostJsonAsync($"{round.Url}/posts/{other.Id}/comments/{comment.Id}/hide", new { reason = "Håll god ton" }))
            .ShouldBeAsync<CommentDto>(HttpStatusCode.OK);

        hidden.Hidden!.Reason.ShouldBe("Personuppgifter om en låntagare");
        var annasView = await (await anna.Client.GetAsync($"{round.Url}/posts/{post.Id}")).ShouldBeAsync<PostDto>(HttpStatusCode.OK);
        annasView.Hidden!.Reason.ShouldBe("Personuppgifter om en låntagare");
        await (await bo.Client.GetAsync($"{round.Url}/posts/{post.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var bosList = await (await bo.Client.GetAsync($"{round.Url}/posts")).ShouldBeAsync<PagedList<PostDto>>(HttpStatusCode.OK);
        bosList.Items.Select(p => p.Id).ShouldBe([other.Id]);
        bosList.Items.Single().Comments.ShouldBe(1, "Bo wrote the comment: he sees it, hidden");
        var annasComments = await (await anna.Client.GetAsync($"{round.Url}/posts/{other.Id}/comments")).ShouldBeAsync<PagedList<CommentDto>>(HttpStatusCode.OK);
        annasComments.Items.ShouldBeEmpty();
        var bosComments = await (await bo.Client.GetAsync($"{round.Url}/posts/{other.Id}/comments")).ShouldBeAsync<PagedList<CommentDto>>(HttpStatusCode.OK);
        bosComments.Items.ShouldHaveSingleItem().Hidden!.Reason.ShouldBe("Håll god ton");
        await (await bo.Client.PostJsonAsync($"{round.Url}/posts/{post.Id}/hide", new { reason = "Jag vill" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var audit = await AuditOfAsync(post.Id);
        audit.ShouldContain("Personuppgifter om en låntagare");
        audit.ShouldNotContain("Namn och adress");
        (await AuditOfAsync(comment.Id)).ShouldContain("Håll god ton");

        await (await Client.DeleteAsync($"{round.Url}/posts/{post.Id}/hide")).ShouldBeAsync<PostDto>(HttpStatusCode.OK);
        (await bo.Client.GetAsync($"{round.Url}/posts/{post.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Nobody_outside_the_round_reaches_its_blog_not_even_knowing_it_exists()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var post = await anna.WriteAsync(round, "Min blogg", "Hej");
        var comment = await (await anna.Client.PostJsonAsync($"{round.Url}/posts/{post.Id}/comments", new { body = "Hej" })).ShouldBeAsync<CommentDto>(HttpStatusCode.Created);

        // A participant of another round of the same course, in the same library.
        var otherRound = await (await Client.PostJsonAsync("/api/v1/rounds", new
            {
                courseId = round.Round.CourseId, homeLibraryId = round.Varnamo, coordinatorIds = Array.Empty<Guid>(), kickOff = "2010-09-01", deadline = "2010-12-31",
            }))
            .ShouldBeAsync<RoundDto>(HttpStatusCode.Created);
        var cecilia = await round.EnrolAsync("Cecilia Lind", enrol: false);
        (await Client.PostJsonAsync($"/api/v1/rounds/{otherRound.Id}/enrolments", new { participantIds = new[] { cecilia.Id } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Withdrawn from this round.
        var david = await round.EnrolAsync("David Berg");
        (await Client.DeleteAsync($"{round.Url}/enrolments/{david.Id}")).IsSuccessStatusCode.ShouldBeTrue();
        // Another municipality's coordinator.
        var varnamo = await (await Client.GetAsync($"/api/v1/libraries/{round.Varnamo}")).ShouldBeAsync<LibraryDto>(HttpStatusCode.OK);
        var gnosjo = await Client.CreateMunicipalityAsync(varnamo.ParentId!.Value, "Gnosjö kommuns bibliotek", "0617");
        var coordinatorOfGnosjo = await Factory.ClientAsAsync("coordinator.gnosjo@test.local", (Role.Coordinator, gnosjo.Id));

        var requests = new Func<HttpRequestMessage>[]
        {
            () => new(HttpMethod.Get, $"{round.Url}/posts"),
            () => Json(HttpMethod.Post, $"{round.Url}/posts", new { title = "Hej", body = "Hej" }),
            () => Json(HttpMethod.Post, $"{round.Url}/posts/from-reflection", new { thingId = round.ThingId(1) }),
            () => Json(HttpMethod.Post, $"{round.Url}/posts/preview", new { body = "**Hej**" }),
            () => new(HttpMethod.Get, $"{round.Url}/blog-duty"),
            () => new(HttpMethod.Get, $"{round.Url}/posts/{post.Id}"),
            () => Json(HttpMethod.Put, $"{round.Url}/posts/{post.Id}", new { title = "Hej", body = "Hej" }),
            () => new(HttpMethod.Post, $"{round.Url}/posts/{post.Id}/publication"),
            () => new(HttpMethod.Get, $"{round.Url}/posts/{post.Id}/comments"),
            () => Json(HttpMethod.Post, $"{round.Url}/posts/{post.Id}/comments", new { body = "Hej" }),
            () => Json(HttpMethod.Put, $"{round.Url}/posts/{post.Id}/comments/{comment.Id}", new { body = "Hej" }),
        };
        var moderation = new Func<HttpRequestMessage>[]
        {
            () => Json(HttpMethod.Post, $"{round.Url}/posts/{post.Id}/hide", new { reason = "Nej" }),
            () => new(HttpMethod.Delete, $"{round.Url}/posts/{post.Id}/hide"),
            () => Json(HttpMethod.Put, $"{round.Url}/posts/{post.Id}/publication", new { approve = true }),
            () => Json(HttpMethod.Post, $"{round.Url}/posts/{post.Id}/comments/{comment.Id}/hide", new { reason = "Nej" }),
            () => new(HttpMethod.Delete, $"{round.Url}/posts/{post.Id}/comments/{comment.Id}/hide"),
        };
        var before = await SnapshotDataAsync();

        foreach (var request in requests)
        {
            await (await cecilia.Client.SendAsync(request())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await david.Client.SendAsync(request())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await coordinatorOfGnosjo.SendAsync(request())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await Factory.CreateClient().SendAsync(request())).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        foreach (var request in moderation)
        {
            await (await coordinatorOfGnosjo.SendAsync(request())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await anna.Client.SendAsync(request())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            await (await Factory.CreateClient().SendAsync(request())).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("[klicka](javascript:alert(1))")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<svg onload=alert(1)><script>alert(1)</script></svg>")]
    [InlineData("![bild](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\" onclick=\"alert(1)\">x</a>")]
    public async Task Script_in_a_post_or_comment_is_neutralised_in_the_html_the_api_answers(string attack)
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");

        var post = await anna.WriteAsync(round, "Test", attack);
        var comment = await (await anna.Client.PostJsonAsync($"{round.Url}/posts/{post.Id}/comments", new { body = attack })).ShouldBeAsync<CommentDto>(HttpStatusCode.Created);
        var read = await (await anna.Client.GetAsync($"{round.Url}/posts/{post.Id}")).ShouldBeAsync<PostDto>(HttpStatusCode.OK);

        foreach (var html in new[] { post.BodyHtml, comment.BodyHtml, read.BodyHtml })
        {
            XssAssertions.ShouldBeInert(html);
        }
    }

    [Fact]
    public async Task A_participant_publishes_their_reflection_in_one_step_and_the_post_links_back_to_the_thing()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        await anna.ReportAsync(round, 1, "Jag startade en blogg om läsning.", "https://anna.example.se/blogg");

        var post = await (await anna.Client.PostJsonAsync($"{round.Url}/posts/from-reflection", new { thingId = round.ThingId(1) }))
            .ShouldBeAsync<PostDto>(HttpStatusCode.Created);
        var notReported = await anna.Client.PostJsonAsync($"{round.Url}/posts/from-reflection", new { thingId = round.ThingId(2) });
        var byCoordinator = await Client.PostJsonAsync($"{round.Url}/posts/from-reflection", new { thingId = round.ThingId(1) });

        post.ShouldSatisfyAllConditions(
            p => p.ThingId.ShouldBe(round.ThingId(1)), p => p.FromReflection.ShouldBeTrue(), p => p.AuthorName.ShouldBe("Anna Ek"),
            p => p.Title.ShouldBe(round.Things[0].Title), p => p.BodyHtml.ShouldContain("Jag startade en blogg om läsning."),
            p => p.BodyHtml.ShouldContain("href=\"https://anna.example.se/blogg\""));
        await notReported.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await byCoordinator.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_post_reaches_the_public_only_when_its_author_asks_and_a_coordinator_approves()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var bo = await round.EnrolAsync("Bo Ström");
        var post = await anna.WriteAsync(round, "Så gör vi", "Text");

        await (await Client.PutJsonAsync($"{round.Url}/posts/{post.Id}/publication", new { approve = true })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await bo.Client.PostAsync($"{round.Url}/posts/{post.Id}/publication", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var requested = await (await anna.Client.PostAsync($"{round.Url}/posts/{post.Id}/publication", null)).ShouldBeAsync<PostDto>(HttpStatusCode.OK);
        var waiting = await (await Client.GetAsync($"{round.Url}/posts?publication=Requested")).ShouldBeAsync<PagedList<PostDto>>(HttpStatusCode.OK);
        var approved = await (await Client.PutJsonAsync($"{round.Url}/posts/{post.Id}/publication", new { approve = true })).ShouldBeAsync<PostDto>(HttpStatusCode.OK);

        requested.Publication.State.ShouldBe(PublicationState.Requested);
        waiting.Items.ShouldHaveSingleItem().Id.ShouldBe(post.Id);
        approved.Publication.State.ShouldBe(PublicationState.Approved);
        approved.Publication.PublicPath.ShouldStartWith("/blogg/0683/sa-gor-vi-");
        (await AuditOfAsync(post.Id)).ShouldContain("publicationApproved");
    }

    private static HttpRequestMessage Json(HttpMethod method, string url, object body) =>
        new(method, url) { Content = System.Net.Http.Json.JsonContent.Create(body, options: HttpAssertions.Json) };

    private async Task<string> AuditOfAsync(Guid id)
    {
        await using var connection = await Factory.Database.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce(string_agg(changes::text, E'\\n'), '') FROM audit.audit_entries WHERE entity_id = @id", connection);
        command.Parameters.AddWithValue("id", id.ToString());
        return (string)(await command.ExecuteScalarAsync())!;
    }
}

public static class BlogRequests
{
    public static async Task<PostDto> WriteAsync(this Participant participant, RunningRound round, string title, string body, Guid? thingId = null) =>
        await (await participant.Client.PostJsonAsync($"{round.Url}/posts", new { title, body, thingId }))
            .ShouldBeAsync<PostDto>(HttpStatusCode.Created);
}

/// <summary>What must never survive in HTML made of what people wrote.</summary>
public static class XssAssertions
{
    public static void ShouldBeInert(string html)
    {
        html.ShouldNotContain("<script", Case.Insensitive);
        System.Text.RegularExpressions.Regex.IsMatch(html, @"<[a-z][^>]*\s(href|src)\s*=\s*[""']?\s*javascript:", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            .ShouldBeFalse($"a javascript: link survived: {html}");
        html.ShouldNotContain("<svg", Case.Insensitive);
        System.Text.RegularExpressions.Regex.IsMatch(html, @"<[^>]+\son[a-z]+\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            .ShouldBeFalse($"an event handler survived: {html}");
    }
}
