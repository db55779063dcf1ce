using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Participants;
using EnSakITaget.Application.Community.PreviewWriting;
using EnSakITaget.Application.Messaging.Contracts;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Infrastructure.Notices;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EnSakITaget.Api.IntegrationTests.Community;

/// <summary>What is written is previewed as the blog will show it, and the blog's week reaches the coordinators' digest as counts.</summary>
public sealed class BlogWeekTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_preview_is_the_safe_html_the_blog_will_show_and_saves_nothing()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");

        var preview = await (await anna.Client.PostJsonAsync($"{round.Url}/posts/preview", new { body = "Jag har **startat** <script>alert(1)</script>[en](javascript:alert(1))" }))
            .ShouldBeAsync<PreviewDto>(HttpStatusCode.OK);
        var tooLong = await anna.Client.PostJsonAsync($"{round.Url}/posts/preview", new { body = new string('a', 20_001) });
        var posts = await (await anna.Client.GetAsync($"{round.Url}/posts")).Content.ReadAsStringAsync();

        preview.Html.ShouldContain("<strong>startat</strong>");
        XssAssertions.ShouldBeInert(preview.Html);
        await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "body");
        posts.ShouldContain("\"totalCount\":0");
    }

    [Fact]
    public async Task The_coordinators_digest_counts_the_weeks_new_posts_and_comments_and_the_posts_awaiting_their_decision()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        await Factory.CreateUserAsync("karin.coordinator@varnamo.example.se", (Role.Coordinator, round.Varnamo));
        var (anna, bo) = (await round.EnrolAsync("Anna Ek"), await round.EnrolAsync("Bo Ström"));
        var post = await anna.WriteAsync(round, "Min blogg", "Hej");
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await bo.WriteAsync(round, "Om Instagram", "Vi borde prova.");
        (await bo.Client.PostJsonAsync($"{round.Url}/posts/{post.Id}/comments", new { body = "Snyggt!" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await anna.Client.PostAsync($"{round.Url}/posts/{post.Id}/publication", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        Factory.Clock.SetLocal(new DateOnly(2010, 3, 1));
        await Factory.Services.GetServices<IHostedService>().OfType<NoticeService>().Single().QueueDueNoticesAsync(CancellationToken.None);
        var digest = await Factory.WithSystemScopeAsync(sp => sp.GetRequiredService<AppDbContext>().OutboxMessages
            .Where(m => m.Kind == LetterKinds.CoordinatorDigest && m.RecipientEmail == "karin.coordinator@varnamo.example.se").Select(m => m.TextBody).SingleAsync());

        digest.ShouldContain("Bloggen i veckan: 2 nya inlägg, 1 nya kommentarer; 1 inlägg väntar på ert beslut om den öppna bloggen.");
        digest.ShouldNotContain("Min blogg", customMessage: "the digest counts; it never quotes the blog");
    }
}
