using System.Net;
using System.Text.RegularExpressions;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Courses;
using EnSakITaget.Api.IntegrationTests.Participants;
using EnSakITaget.Application.Messaging.Contracts;
using EnSakITaget.Application.Messaging.Notifications;
using EnSakITaget.Domain.Messaging;
using EnSakITaget.Infrastructure.Notices;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;

namespace EnSakITaget.Api.IntegrationTests.Messaging;

/// <summary>People decide what they get: per kind at once, weekly or off, in Swedish or English, and a one-click unsubscribe.</summary>
public sealed partial class NotificationChoiceTests(MailApiFactory factory) : MailTest(factory)
{
    [Fact]
    public async Task My_notifications_are_at_once_and_the_blogs_week_weekly_in_Swedish_until_I_choose_and_a_bad_value_is_a_400_naming_the_field()
    {
        var (_, anna) = await RoundWithAnnaAsync();

        var initial = await (await anna.Client.GetAsync("/api/v1/me/notifications")).ShouldBeAsync<NotificationSettingsDto>(HttpStatusCode.OK);
        initial.Language.ShouldBe("sv");
        initial.Kinds.Select(k => k.Kind).ShouldBe(LetterKinds.Optional);
        initial.Kinds.ShouldAllBe(k => k.Choice == (LetterKinds.WeeklyByDefault.Contains(k.Kind) ? "Weekly" : "AtOnce"));

        var chosen = await (await anna.Client.PutJsonAsync("/api/v1/me/notifications", new
            {
                language = "en", kinds = new[] { new { kind = "ThingReleased", choice = "Weekly" }, new { kind = "Nudge", choice = "Off" } },
            }))
            .ShouldBeAsync<NotificationSettingsDto>(HttpStatusCode.OK);
        chosen.Language.ShouldBe("en");
        chosen.Kinds.Single(k => k.Kind == "ThingReleased").Choice.ShouldBe("Weekly");
        chosen.Kinds.Single(k => k.Kind == "Nudge").Choice.ShouldBe("Off");
        var again = await (await anna.Client.GetAsync("/api/v1/me/notifications")).ShouldBeAsync<NotificationSettingsDto>(HttpStatusCode.OK);
        again.Language.ShouldBe("en");
        again.Kinds.ShouldBe(chosen.Kinds);

        await (await anna.Client.PutJsonAsync("/api/v1/me/notifications", new { language = "fi" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "language");
        await (await anna.Client.PutJsonAsync("/api/v1/me/notifications", new { kinds = new[] { new { kind = "ThingReleased", choice = "Sometimes" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "kinds[0].choice");
        await (await anna.Client.PutJsonAsync("/api/v1/me/notifications", new { kinds = new[] { new { kind = "Invitation", choice = "Off" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "kinds[0].kind");
    }

    [Fact]
    public async Task The_one_click_unsubscribe_of_a_letter_works_without_signing_in_and_that_kind_stops()
    {
        var (round, anna) = await RoundWithAnnaAsync();
        await anna.ReportAsync(round, 1);
        await AcknowledgeAsync(round, anna, 1);
        var letter = await Smtp.WaitForOneToAsync(anna.Staff.Email);
        var link = UnsubscribeLink(letter);

        var page = await Factory.CreateClient().GetAsync(link);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("<button type=\"submit\">Ja, avsluta</button>");
        using var oneClick = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        var done = await (await Factory.CreateClient().PostAsync(link, oneClick)).ShouldBeAsync<UnsubscribedDto>(HttpStatusCode.OK);

        done.Kinds.ShouldBe([LetterKinds.ReflectionAcknowledged]);
        var mine = await (await anna.Client.GetAsync("/api/v1/me/notifications")).ShouldBeAsync<NotificationSettingsDto>(HttpStatusCode.OK);
        mine.Kinds.Single(k => k.Kind == LetterKinds.ReflectionAcknowledged).Choice.ShouldBe("Off");
        mine.Kinds.Where(k => k.Kind != LetterKinds.ReflectionAcknowledged).ShouldAllBe(k => k.Choice == (LetterKinds.WeeklyByDefault.Contains(k.Kind) ? "Weekly" : "AtOnce"));
        Smtp.Clear();
        await anna.ReportAsync(round, 2);
        await AcknowledgeAsync(round, anna, 2);
        await Task.Delay(2500);
        Smtp.Received.ShouldBeEmpty();
        await (await Factory.CreateClient().PostAsync("/api/v1/unsubscribe/not-a-token", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_person_who_chose_English_gets_their_letters_in_English()
    {
        var (round, anna) = await RoundWithAnnaAsync();
        (await anna.Client.PutJsonAsync("/api/v1/me/notifications", new { language = "en" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await anna.ReportAsync(round, 1);

        await AcknowledgeAsync(round, anna, 1);

        var letter = await Smtp.WaitForOneToAsync(anna.Staff.Email);
        letter.Subject.ShouldEndWith(" has read your reflection on Lärplattformen");
        letter.TextBody!.ShouldStartWith("Hello Anna Ahl,");
        letter.HtmlBody!.ShouldContain("<html lang=\"en\">");
    }

    [Fact]
    public async Task A_kind_chosen_weekly_waits_for_Monday_morning_and_then_goes_as_one_email()
    {
        var (round, anna) = await RoundWithAnnaAsync();
        (await anna.Client.PutJsonAsync("/api/v1/me/notifications", new { kinds = new[] { new { kind = "ReflectionAcknowledged", choice = "Weekly" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await anna.ReportAsync(round, 1);
        await anna.ReportAsync(round, 2);

        await AcknowledgeAsync(round, anna, 1);
        await AcknowledgeAsync(round, anna, 2);
        await Task.Delay(2500);
        Smtp.Received.ShouldBeEmpty();

        // The round runs from Tuesday 23 February 2010: the week's letters go on Monday the 1st of March at seven.
        Factory.Clock.SetLocal(new DateOnly(2010, 3, 1), hour: 7);
        var week = await Smtp.WaitForOneToAsync(anna.Staff.Email);
        NoticeTests.KindsOf(week).ShouldBe([LetterKinds.ReflectionAcknowledged]);
        week.Subject.ShouldEndWith("– och 1 till från En sak i taget");
        week.TextBody!.ShouldContain("läst din reflektion om Lärplattformen ==");
        week.TextBody!.ShouldContain("läst din reflektion om Bloggar ==");
    }

    [Fact]
    public async Task Letters_waiting_for_the_week_are_dropped_when_the_participant_withdraws_or_completes_the_round()
    {
        var (round, anna) = await RoundWithAnnaAsync();
        var bo = await round.EnrolAsync("Bo Berg");
        await Smtp.WaitForOneToAsync(bo.Staff.Email);
        var weekly = new { kinds = new[] { new { kind = "ThingReleased", choice = "Weekly" }, new { kind = "Nudge", choice = "Weekly" } } };
        (await anna.Client.PutJsonAsync("/api/v1/me/notifications", weekly)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bo.Client.PutJsonAsync("/api/v1/me/notifications", weekly)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await round.ReleaseNextAsync();
        await Factory.Services.GetServices<IHostedService>().OfType<NoticeService>().Single().QueueDueNoticesAsync(CancellationToken.None);
        (await Client.PostJsonAsync($"{round.Url}/enrolments/{bo.Id}/nudges", new { message = "Hej Bo!" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await WaitingForAsync(anna.Staff.Email)).ShouldBe([LetterKinds.ThingReleased, LetterKinds.ThingReleased]);
        (await WaitingForAsync(bo.Staff.Email)).ShouldBe([LetterKinds.Nudge, LetterKinds.ThingReleased, LetterKinds.ThingReleased], ignoreOrder: true);

        (await Client.DeleteAsync($"{round.Url}/enrolments/{anna.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        for (var position = 1; position <= ReportRound.Things.Length; position++)
        {
            await bo.ReportAsync(round, position);
        }

        (await WaitingForAsync(anna.Staff.Email)).ShouldBeEmpty();
        (await WaitingForAsync(bo.Staff.Email)).ShouldBeEmpty();
    }

    /// <summary>The kinds of the letters waiting unsent for the address.</summary>
    private Task<List<string>> WaitingForAsync(string email) =>
        Factory.WithSystemScopeAsync(sp => Task.FromResult(sp.GetRequiredService<AppDbContext>().OutboxMessages
            .Where(m => m.RecipientEmail == email && m.State == OutboxState.Pending).Select(m => m.Kind).OrderBy(k => k).ToList()));

    private async Task<(RunningRound Round, Participant Anna)> RoundWithAnnaAsync()
    {
        var round = await RunningRound.StartAsync(Factory, Client, workAheadAllowed: true);
        var anna = await round.EnrolAsync("Anna Ahl");
        await Smtp.WaitForOneToAsync(anna.Staff.Email);
        Smtp.Clear();
        return (round, anna);
    }

    private async Task AcknowledgeAsync(RunningRound round, Participant participant, int position) =>
        (await Client.PutJsonAsync($"{round.Url}/enrolments/{participant.Id}/things/{round.ThingId(position)}/acknowledgement", new { comment = "Fint!" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

    private static string UnsubscribeLink(MimeMessage letter)
    {
        letter.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        var match = UnsubscribeHeader().Match(letter.Headers["List-Unsubscribe"] ?? string.Empty);
        match.Success.ShouldBeTrue(letter.Headers["List-Unsubscribe"]);
        return match.Groups[1].Value;
    }

    [GeneratedRegex("^<https://ensakitaget\\.example\\.se(/api/v1/unsubscribe/[^>]+)>$")]
    private static partial Regex UnsubscribeHeader();
}
