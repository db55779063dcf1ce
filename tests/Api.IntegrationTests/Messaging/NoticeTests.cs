using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Courses;
using EnSakITaget.Api.IntegrationTests.Participants;
using EnSakITaget.Application.Messaging.Contracts;
using EnSakITaget.Domain.Feedback;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Infrastructure.Notices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;

namespace EnSakITaget.Api.IntegrationTests.Messaging;

/// <summary>The letters that releases, deadlines, surveys, acknowledgements and the week bring, received by a real mail server.</summary>
public sealed class NoticeTests(MailApiFactory factory) : MailTest(factory)
{
    private const string Url = "https://ensakitaget.example.se";

    [Fact]
    public async Task A_released_thing_is_mailed_once_to_each_participant_who_has_not_reported_it_and_to_nobody_withdrawn_or_done()
    {
        var (round, anna, bo, cecilia, david) = await RoundWithFourAsync();

        await round.ReleaseNextAsync();
        await QueueNoticesAsync();
        var released = await WaitForKindAsync(LetterKinds.ThingReleased, 2);

        // Anna's two things, released the same day, come as one e-mail.
        ToOf(released).ShouldBe([anna.Staff.Email, bo.Staff.Email], ignoreOrder: true);
        var annas = released.Single(m => To(m) == anna.Staff.Email);
        annas.Subject.ShouldEndWith(" – och 1 till från En sak i taget");
        annas.TextBody!.ShouldStartWith("Hej Anna Ahl!\n\n");
        annas.TextBody!.ShouldContain("== Ny sak i Sociala medier – Värnamo 2010: Bloggar ==");
        annas.TextBody!.ShouldContain("== Ny sak i Sociala medier – Värnamo 2010: Lärplattformen ==");
        annas.TextBody!.ShouldContain($"Sak 2, Bloggar, är nu öppen i Sociala medier – Värnamo 2010 på Värnamo kommuns bibliotek.");
        annas.TextBody!.ShouldContain($"{Url}/omgangar/{round.Id}/saker/{round.ThingId(2)}");
        annas.HtmlBody!.ShouldContain($"href=\"{Url}/omgangar/{round.Id}/saker/{round.ThingId(1)}\"");
        var bos = released.Single(m => To(m) == bo.Staff.Email);
        bos.Subject.ShouldBe("Ny sak i Sociala medier – Värnamo 2010: Lärplattformen");
        bos.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        bos.Headers["List-Unsubscribe"].ShouldStartWith($"<{Url}/api/v1/unsubscribe/");
        ToOf(Smtp.Received).ShouldNotContain(cecilia.Staff.Email);
        ToOf(Smtp.Received).ShouldNotContain(david.Staff.Email);

        (await QueueNoticesAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_deadline_approaching_is_mailed_the_configured_days_before_to_those_not_done_only()
    {
        var (round, anna, bo, cecilia, david) = await RoundWithFourAsync();
        await QueueNoticesAsync();
        Smtp.Clear();

        Factory.Clock.SetLocal(ReportRound.Deadline.AddDays(-8));
        (await QueueNoticesAsync(kind: LetterKinds.DeadlineApproaching)).ShouldBe(0);
        Factory.Clock.SetLocal(ReportRound.Deadline.AddDays(-7));
        await QueueNoticesAsync();
        var reminders = await WaitForKindAsync(LetterKinds.DeadlineApproaching, 2);

        ToOf(reminders).ShouldBe([anna.Staff.Email, bo.Staff.Email], ignoreOrder: true);
        reminders.Single(m => To(m) == anna.Staff.Email).TextBody!.ShouldContain("Sociala medier – Värnamo 2010 avslutas 31 augusti 2010");
        reminders.Single(m => To(m) == bo.Staff.Email).TextBody!.ShouldContain("Du har 7 saker kvar att rapportera.");
        Factory.Clock.SetLocal(ReportRound.Deadline.AddDays(-6));
        (await QueueNoticesAsync(kind: LetterKinds.DeadlineApproaching)).ShouldBe(0);
        await Task.Delay(1500);
        ToOf(Smtp.Received).ShouldNotContain(cecilia.Staff.Email);
        ToOf(Smtp.Received).ShouldNotContain(david.Staff.Email);
    }

    [Fact]
    public async Task An_erased_participant_gets_no_deadline_reminder_and_is_not_named_in_the_weekly_digest()
    {
        var (round, anna, bo, _, _) = await RoundWithFourAsync();
        var coordinator = await Factory.CreateUserAsync("karin.coordinator@varnamo.example.se", (Role.Coordinator, round.Varnamo));
        await QueueNoticesAsync();
        (await Client.PostJsonAsync($"/api/v1/participants/{bo.Id}/erasure", new { reason = "Begäran om radering." })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Smtp.Clear();

        Factory.Clock.SetLocal(ReportRound.Deadline.AddDays(-7));
        await QueueNoticesAsync();
        var reminders = await WaitForKindAsync(LetterKinds.DeadlineApproaching, 1);
        Factory.Clock.SetLocal(new DateOnly(2010, 8, 30));
        await QueueNoticesAsync();
        var digest = (await WaitForKindAsync(LetterKinds.CoordinatorDigest, 1)).Single();

        ToOf(reminders).ShouldBe([anna.Staff.Email]);
        To(digest).ShouldBe(coordinator.Email);
        digest.TextBody!.ShouldNotContain(EnSakITaget.Domain.Participants.StaffMember.ErasedName);
        ToOf(Smtp.Received).ShouldAllBe(to => !to.EndsWith("@" + EnSakITaget.Domain.Participants.StaffMember.ErasedEmailDomain, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_survey_open_is_mailed_when_the_round_closes_and_one_reminder_later_to_those_who_have_not_answered()
    {
        var (round, anna, bo, cecilia, david) = await RoundWithFourAsync();
        (await Client.PostAsync($"{round.Url}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await QueueNoticesAsync();
        var open = await WaitForKindAsync(LetterKinds.SurveyOpen, 3);

        ToOf(open).ShouldBe([anna.Staff.Email, bo.Staff.Email, david.Staff.Email], ignoreOrder: true);
        open[0].Subject.ShouldBe("Vad tyckte du om Sociala medier – Värnamo 2010?");
        open[0].TextBody!.ShouldContain($"{Url}/omgangar/{round.Id}/enkat");
        (await david.Client.PostJsonAsync($"{round.Url}/survey/responses", new { phase = "Closing", answers = new[] { new { questionId = Survey.WhatWasGood, text = "Bra." } } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        Factory.Clock.Advance(TimeSpan.FromDays(6));
        (await QueueNoticesAsync(kind: LetterKinds.SurveyReminder)).ShouldBe(0);
        Factory.Clock.Advance(TimeSpan.FromDays(1));
        await QueueNoticesAsync();
        var reminders = await WaitForKindAsync(LetterKinds.SurveyReminder, 2);

        ToOf(reminders).ShouldBe([anna.Staff.Email, bo.Staff.Email], ignoreOrder: true);
        reminders[0].TextBody!.ShouldContain("Det här är den enda påminnelsen.");
        Factory.Clock.Advance(TimeSpan.FromDays(7));
        (await QueueNoticesAsync()).ShouldBe(0);
        ToOf(Smtp.Received).ShouldNotContain(cecilia.Staff.Email);
    }

    [Fact]
    public async Task An_erased_participant_is_sent_no_survey_when_the_round_closes()
    {
        var (round, anna, bo, _, david) = await RoundWithFourAsync();
        (await Client.PostJsonAsync($"/api/v1/participants/{bo.Id}/erasure", new { reason = "Begäran om radering." })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Client.PostAsync($"{round.Url}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        Smtp.Clear();

        await QueueNoticesAsync();
        var open = await WaitForKindAsync(LetterKinds.SurveyOpen, 2);
        await Task.Delay(1500);

        ToOf(open).ShouldBe([anna.Staff.Email, david.Staff.Email], ignoreOrder: true);
        (await CountQueuedAsync(LetterKinds.SurveyOpen)).ShouldBe(2);
        ToOf(Smtp.Received).ShouldNotContain(bo.Staff.Email);
        ToOf(Smtp.Received).ShouldAllBe(to => !to.EndsWith("@" + EnSakITaget.Domain.Participants.StaffMember.ErasedEmailDomain, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_acknowledged_reflection_is_mailed_to_its_author_with_the_coordinators_comment()
    {
        var (round, anna, _, _, _) = await RoundWithFourAsync();
        await anna.ReportAsync(round, 1);

        (await Client.PutJsonAsync($"{round.Url}/enrolments/{anna.Id}/things/{round.ThingId(1)}/acknowledgement", new { comment = "Fint skrivet, Anna!" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var letter = (await WaitForKindAsync(LetterKinds.ReflectionAcknowledged, 1)).Single();
        To(letter).ShouldBe(anna.Staff.Email);
        letter.Subject.ShouldEndWith("har läst din reflektion om Lärplattformen");
        letter.TextBody!.ShouldContain("skriver: Fint skrivet, Anna!");
        letter.TextBody!.ShouldContain($"{Url}/omgangar/{round.Id}/saker/{round.ThingId(1)}");
    }

    [Fact]
    public async Task The_weekly_digest_goes_to_the_rounds_coordinators_on_the_digest_day_with_reports_reflections_to_acknowledge_laggards_and_the_spread()
    {
        var (round, anna, _, _, _) = await RoundWithFourAsync();
        var coordinator = await Factory.CreateUserAsync("karin.coordinator@varnamo.example.se", (Role.Coordinator, round.Varnamo));
        await anna.ReportAsync(round, 1);

        Factory.Clock.SetLocal(new DateOnly(2010, 2, 28));
        (await QueueNoticesAsync(kind: LetterKinds.CoordinatorDigest)).ShouldBe(0);
        Factory.Clock.SetLocal(new DateOnly(2010, 3, 1));
        await QueueNoticesAsync();
        var digest = (await WaitForKindAsync(LetterKinds.CoordinatorDigest, 1)).Single();

        To(digest).ShouldBe(coordinator.Email);
        digest.Subject.ShouldBe("Veckan i Sociala medier – Värnamo 2010");
        digest.TextBody!.ShouldContain("(2010-W09), 3 deltagare.");
        digest.TextBody!.ShouldContain("Rapporterat i veckan: Bo Berg – Bloggar; David Dahl – Lärplattformen;");
        digest.TextBody!.ShouldContain("; Anna Ahl – Lärplattformen\n");
        digest.TextBody!.ShouldContain("Väntar på kvittens (10): Bo Berg – Bloggar;");
        digest.TextBody!.ShouldContain("Ingen ligger efter.");
        digest.TextBody!.ShouldContain("Spridningen (rapporterade saker: deltagare): 1: 2, 8: 1");
        digest.TextBody!.ShouldContain($"{Url}/samordna/omgangar/{round.Id}");
        (await QueueNoticesAsync(kind: LetterKinds.CoordinatorDigest)).ShouldBe(0);
    }

    /// <summary>
    /// The report's round with work ahead allowed and four enrolled: Anna has done nothing, Bo has
    /// reported the second thing ahead of its release, Cecilia has withdrawn, David has completed.
    /// </summary>
    private async Task<(RunningRound Round, Participant Anna, Participant Bo, Participant Cecilia, Participant David)> RoundWithFourAsync()
    {
        var round = await RunningRound.StartAsync(Factory, Client, workAheadAllowed: true);
        var anna = await round.EnrolAsync("Anna Ahl");
        var bo = await round.EnrolAsync("Bo Berg");
        var cecilia = await round.EnrolAsync("Cecilia Ceder");
        var david = await round.EnrolAsync("David Dahl");
        await bo.ReportAsync(round, 2);
        (await Client.DeleteAsync($"{round.Url}/enrolments/{cecilia.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        for (var position = 1; position <= ReportRound.Things.Length; position++)
        {
            await david.ReportAsync(round, position);
        }

        await Smtp.WaitForAsync(4, m => KindsOf(m).Contains(LetterKinds.Invitation));
        Smtp.Clear();
        return (round, anna, bo, cecilia, david);
    }

    /// <summary>Runs the notice scheduler once, as its timer would; with a kind, counts only the letters of that kind it queued.</summary>
    private async Task<int> QueueNoticesAsync(string? kind = null)
    {
        var before = kind is null ? 0 : await CountQueuedAsync(kind);
        var queued = await Factory.Services.GetServices<IHostedService>().OfType<NoticeService>().Single().QueueDueNoticesAsync(CancellationToken.None);
        return kind is null ? queued : await CountQueuedAsync(kind) - before;
    }

    private Task<int> CountQueuedAsync(string kind) =>
        Factory.WithSystemScopeAsync(sp => Task.FromResult(sp.GetRequiredService<EnSakITaget.Infrastructure.Persistence.AppDbContext>().OutboxMessages.Count(m => m.Kind == kind)));

    private async Task<IReadOnlyList<MimeMessage>> WaitForKindAsync(string kind, int count) =>
        await Smtp.WaitForAsync(count, m => KindsOf(m).Contains(kind));

    /// <summary>The kinds of the letters an e-mail carries: several, when they were combined.</summary>
    internal static string[] KindsOf(MimeMessage message) => (message.Headers["X-En-Sak-I-Taget-Kind"] ?? string.Empty).Split(',');

    private static string To(MimeMessage message) => message.To.Mailboxes.Single().Address;

    private static List<string> ToOf(IEnumerable<MimeMessage> messages) => [.. messages.Select(To)];
}
