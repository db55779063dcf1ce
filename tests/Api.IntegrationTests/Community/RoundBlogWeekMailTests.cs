using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Messaging;
using EnSakITaget.Api.IntegrationTests.Participants;
using EnSakITaget.Application.Community;
using EnSakITaget.Application.Messaging.Contracts;
using EnSakITaget.Application.Messaging.Notifications;
using EnSakITaget.Application.Participants.QueueNotices;
using EnSakITaget.Infrastructure.Notices;
using EnSakITaget.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;

namespace EnSakITaget.Api.IntegrationTests.Community;

/// <summary>The participants' week of their round's blog, received by a real mail server.</summary>
public sealed class RoundBlogWeekMailTests(MailApiFactory factory) : MailTest(factory)
{
    private const string Url = "https://ensakitaget.example.se";

    [Fact]
    public async Task The_weeks_visible_new_posts_and_the_count_of_comments_reach_those_taking_part_on_the_digest_day_once_and_never_the_withdrawn_the_erased_or_those_who_turned_it_off()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var (anna, bo, cecilia, david, eva) =
            (await round.EnrolAsync("Anna Ahl"), await round.EnrolAsync("Bo Berg"), await round.EnrolAsync("Cecilia Ceder"), await round.EnrolAsync("David Dahl"), await round.EnrolAsync("Eva Ek"));
        await Smtp.WaitForAsync(5, m => NoticeTests.KindsOf(m).Contains(LetterKinds.Invitation));
        Smtp.Clear();
        var annasChoices = await (await anna.Client.GetAsync("/api/v1/me/notifications")).ShouldBeAsync<NotificationSettingsDto>(HttpStatusCode.OK);
        (await bo.Client.PutJsonAsync("/api/v1/me/notifications", new { language = "en" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await eva.Client.PutJsonAsync("/api/v1/me/notifications", new { kinds = new[] { new { kind = LetterKinds.RoundBlogWeek, choice = "Off" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var first = await anna.WriteAsync(round, "Mitt första blogginlägg", "Jag har **startat** en blogg om läsfrämjande.");
        await bo.WriteAsync(round, "Om Instagram", "Vi borde prova det på barnavdelningen.");
        var secret = await bo.WriteAsync(round, "Låntagaren Karl", "Han lånar alltid deckare.");
        (await bo.Client.PostJsonAsync($"{round.Url}/posts/{first.Id}/comments", new { body = "Snyggt, Anna!" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var hiddenComment = await (await cecilia.Client.PostJsonAsync($"{round.Url}/posts/{first.Id}/comments", new { body = "Inte så snyggt." }))
            .ShouldBeAsync<CommentDto>(HttpStatusCode.Created);
        (await Client.PostJsonAsync($"{round.Url}/posts/{secret.Id}/hide", new { reason = "Personuppgifter om en låntagare" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Client.PostJsonAsync($"{round.Url}/posts/{first.Id}/comments/{hiddenComment.Id}/hide", new { reason = "Håll god ton" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Client.DeleteAsync($"{round.Url}/enrolments/{cecilia.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Client.PostJsonAsync($"/api/v1/participants/{david.Id}/erasure", new { reason = "Begäran om radering." })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // Sunday is not the digest day; Monday 1 March 2010 is, and the week's letters go at seven.
        Factory.Clock.SetLocal(new DateOnly(2010, 2, 28));
        (await QueueNoticesAsync(LetterKinds.RoundBlogWeek)).ShouldBe(0);
        Factory.Clock.SetLocal(new DateOnly(2010, 3, 1), hour: 0);
        (await QueueNoticesAsync(LetterKinds.RoundBlogWeek)).ShouldBe(2);
        Factory.Clock.SetLocal(new DateOnly(2010, 3, 1), hour: 7);
        var letters = await Smtp.WaitForAsync(2, m => NoticeTests.KindsOf(m).Contains(LetterKinds.RoundBlogWeek));

        annasChoices.Kinds.Single(k => k.Kind == LetterKinds.RoundBlogWeek).Choice.ShouldBe("Weekly");
        letters.Select(To).ShouldBe([anna.Staff.Email, bo.Staff.Email], ignoreOrder: true);
        var annas = letters.Single(m => To(m) == anna.Staff.Email);
        annas.Subject.ShouldBe("Veckan på bloggen i Sociala medier – Värnamo 2010");
        annas.TextBody!.ShouldContain("Nya inlägg (2): Mitt första blogginlägg av Anna Ahl; Om Instagram av Bo Berg");
        annas.TextBody!.ShouldContain("1 ny kommentar.");
        annas.TextBody!.ShouldContain($"{Url}/omgangar/{round.Id}/blogg");
        annas.HtmlBody!.ShouldContain($"href=\"{Url}/omgangar/{round.Id}/blogg\"");
        annas.TextBody!.ShouldNotContain("Låntagaren Karl", customMessage: "a hidden post is not in the letter");
        annas.TextBody!.ShouldNotContain("läsfrämjande", customMessage: "the letter names posts and never quotes them");
        annas.TextBody!.ShouldNotContain("Snyggt", customMessage: "nor comments");
        var bos = letters.Single(m => To(m) == bo.Staff.Email);
        bos.Subject.ShouldBe("The week on the blog of Sociala medier – Värnamo 2010");
        bos.TextBody!.ShouldContain("Mitt första blogginlägg by Anna Ahl");

        // A second tick the same day, and a restarted scheduler that has forgotten its last tick, send nothing again.
        (await QueueNoticesAsync(LetterKinds.RoundBlogWeek)).ShouldBe(0);
        (await Factory.WithSystemScopeAsync(sp => sp.GetRequiredService<ISender>().Send(new QueueParticipantNoticesCommand()).AsTask())).ShouldBe(0);
        (await CountQueuedAsync(LetterKinds.RoundBlogWeek)).ShouldBe(2);

        // A week without new posts or comments brings no letter.
        Factory.Clock.SetLocal(new DateOnly(2010, 3, 8), hour: 0);
        (await QueueNoticesAsync(LetterKinds.RoundBlogWeek)).ShouldBe(0);
        await Task.Delay(1500);
        Smtp.Received.Where(m => NoticeTests.KindsOf(m).Contains(LetterKinds.RoundBlogWeek)).Count().ShouldBe(2);
    }

    [Fact]
    public async Task A_participant_who_withdraws_before_Monday_morning_does_not_get_the_blogs_week_waiting_for_seven()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var (anna, bo) = (await round.EnrolAsync("Anna Ahl"), await round.EnrolAsync("Bo Berg"));
        await Smtp.WaitForAsync(2, m => NoticeTests.KindsOf(m).Contains(LetterKinds.Invitation));
        Smtp.Clear();
        await anna.WriteAsync(round, "Mitt första blogginlägg", "Hej!");

        Factory.Clock.SetLocal(new DateOnly(2010, 3, 1), hour: 0);
        (await QueueNoticesAsync(LetterKinds.RoundBlogWeek)).ShouldBe(2);
        (await Client.DeleteAsync($"{round.Url}/enrolments/{bo.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Factory.Clock.SetLocal(new DateOnly(2010, 3, 1), hour: 7);

        To(await Smtp.WaitForOneToAsync(anna.Staff.Email)).ShouldBe(anna.Staff.Email);
        await Task.Delay(1500);
        Smtp.Received.Select(To).ShouldNotContain(bo.Staff.Email);
    }

    private async Task<int> QueueNoticesAsync(string kind)
    {
        var before = await CountQueuedAsync(kind);
        await Factory.Services.GetServices<IHostedService>().OfType<NoticeService>().Single().QueueDueNoticesAsync(CancellationToken.None);
        return await CountQueuedAsync(kind) - before;
    }

    private Task<int> CountQueuedAsync(string kind) =>
        Factory.WithSystemScopeAsync(sp => Task.FromResult(sp.GetRequiredService<AppDbContext>().OutboxMessages.Count(m => m.Kind == kind)));

    private static string To(MimeMessage message) => message.To.Mailboxes.Single().Address;
}
