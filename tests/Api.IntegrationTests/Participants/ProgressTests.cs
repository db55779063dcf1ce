using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Courses;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Identity.GetMe;
using EnSakITaget.Application.Participants;
using EnSakITaget.Application.Participants.ListMyRounds;
using EnSakITaget.Domain.Courses;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Domain.Participants;

namespace EnSakITaget.Api.IntegrationTests.Participants;

public sealed class ProgressTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_participant_starts_and_reports_a_released_thing_and_the_dated_history_reads_it_back()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var startedAt = Factory.Clock.GetUtcNow();

        var started = await anna.StartAsync(round, 1);
        Factory.Clock.Advance(TimeSpan.FromDays(2));
        var reported = await anna.ReportAsync(round, 1, "Jag loggade in och skrev om mig själv.", "https://anna.example.se/2010/02/lararplattformen");

        started.Status.ShouldBe(ThingProgressStatus.Started);
        started.EnrolmentStatus.ShouldBe(EnrolmentStatus.Active);
        reported.Status.ShouldBe(ThingProgressStatus.Reported);
        reported.StartedAt.ShouldBe(startedAt);
        reported.ReportedAt.ShouldBe(startedAt.AddDays(2));
        reported.Reflection.ShouldBe(new ReflectionDto("Jag loggade in och skrev om mig själv.", "https://anna.example.se/2010/02/lararplattformen"));
        reported.ThingsReported.ShouldBe(1);
        var history = await Client.HistoryAsync(round, anna.Id);
        history.Items.Select(e => (e.Kind, e.OccurredAt)).ShouldBe(
        [
            (ProgressEventKind.Invited, history.Items[0].OccurredAt),
            (ProgressEventKind.Started, startedAt),
            (ProgressEventKind.Reported, startedAt.AddDays(2)),
        ]);
        history.Items[0].Actor.ShouldBe("admin@test.local");
        history.Items[2].Actor.ShouldBe(anna.Staff.Email);
        history.Items[2].Position.ShouldBe(1);
        history.Items[2].Link.ShouldBe("https://anna.example.se/2010/02/lararplattformen");
        (await anna.Client.HistoryAsync(round, anna.Id)).TotalCount.ShouldBe(3);
    }

    [Fact]
    public async Task Reporting_the_same_thing_twice_changes_nothing_and_a_revised_reflection_keeps_both_in_the_history()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var first = await anna.ReportAsync(round, 1, "Första raden.");
        Factory.Clock.Advance(TimeSpan.FromHours(1));

        var again = await anna.ReportAsync(round, 1, "Första raden.");
        var revised = await anna.ReportAsync(round, 1, "Första raden, rättad.");

        again.ShouldBe(first);
        revised.ReportedAt.ShouldBe(first.ReportedAt);
        revised.ThingsReported.ShouldBe(1);
        revised.Reflection!.Text.ShouldBe("Första raden, rättad.");
        var history = await Client.HistoryAsync(round, anna.Id);
        history.Items.Select(e => (e.Kind, e.Note)).ShouldBe(
        [
            (ProgressEventKind.Invited, null), (ProgressEventKind.Started, null), (ProgressEventKind.Reported, "Första raden."),
            (ProgressEventKind.ReflectionRevised, "Första raden, rättad."),
        ]);
    }

    [Fact]
    public async Task A_thing_not_yet_released_is_refused_when_working_ahead_is_off_and_nothing_is_stored()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var before = await SnapshotDataAsync();

        var start = await anna.Client.PostAsync($"{round.ThingUrl(2)}/start", null);
        var report = await anna.Client.PostJsonAsync($"{round.ThingUrl(2)}/report", new { text = "Före alla andra." });

        (await start.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()
            .ShouldBe("Thing 2 (Bloggar) is not released yet; it is planned for 2010-03-16, and this round does not allow working ahead.");
        await report.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task With_working_ahead_allowed_an_unreleased_thing_may_be_started_and_reported()
    {
        var round = await RunningRound.StartAsync(Factory, Client, workAheadAllowed: true);
        var anna = await round.EnrolAsync("Anna Ek");

        var reported = await anna.ReportAsync(round, 3, "Jag hann före.");

        reported.Position.ShouldBe(3);
        reported.Status.ShouldBe(ThingProgressStatus.Reported);
    }

    [Fact]
    public async Task Reporting_every_thing_completes_the_enrolment()
    {
        var round = await RunningRound.StartAsync(Factory, Client, workAheadAllowed: true);
        var anna = await round.EnrolAsync("Anna Ek");

        ThingProgressDto last = null!;
        for (var position = 1; position <= round.Things.Count; position++)
        {
            last = await anna.ReportAsync(round, position, $"Sak {position} klar.");
        }

        last.EnrolmentStatus.ShouldBe(EnrolmentStatus.Completed);
        last.ThingsReported.ShouldBe(8);
        var history = await Client.HistoryAsync(round, anna.Id);
        history.Items[^1].Kind.ShouldBe(ProgressEventKind.Completed);
        history.Items.Count(e => e.Kind == ProgressEventKind.Reported).ShouldBe(8);
        var enrolments = await (await Client.GetAsync($"{round.Url}/enrolments")).ShouldBeAsync<PagedList<EnrolmentDto>>(HttpStatusCode.OK);
        enrolments.Items.Single().CompletedAt.ShouldBe(Factory.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_closed_round_takes_no_progress()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        await anna.StartAsync(round, 1);
        (await Client.PostAsync($"{round.Url}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await SnapshotDataAsync();

        var response = await anna.Client.PostJsonAsync($"{round.ThingUrl(1)}/report", new { text = "För sent." });

        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString().ShouldBe("The round is closed: it takes no more progress.");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Nobody_reports_for_someone_else_and_someone_outside_the_round_finds_no_round()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var bo = await round.EnrolAsync("Bo Ström");
        var cecilia = await round.EnrolAsync("Cecilia Ås", enrol: false);
        var coordinator = await Factory.ClientAsAsync("samordnare@varnamo.example.se", (Role.Coordinator, round.Varnamo));
        var before = await SnapshotDataAsync();

        var forBo = await anna.Client.PostJsonAsync($"{round.ThingUrl(1)}/report", new { text = "Bo har gjort det.", participantId = bo.Id });
        var outsider = await cecilia.Client.PostJsonAsync($"{round.ThingUrl(1)}/report", new { text = "Jag är inte med." });
        var coordinatorReports = await coordinator.PostJsonAsync($"{round.ThingUrl(1)}/report", new { text = "Jag är samordnare." });

        (await forBo.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString()
            .ShouldBe("You report your own progress only: a participant cannot report for someone else.");
        await outsider.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await coordinatorReports.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_report_without_a_reflection_or_with_a_link_that_is_no_web_address_names_the_field_and_stores_nothing()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var before = await SnapshotDataAsync();

        var empty = await anna.Client.PostJsonAsync($"{round.ThingUrl(1)}/report", new { text = "  " });
        var badLink = await anna.Client.PostJsonAsync($"{round.ThingUrl(1)}/report", new { link = "javascript:alert(1)" });
        var unknownThing = await anna.Client.PostJsonAsync($"{round.Url}/things/{Guid.NewGuid()}/report", new { text = "Vilken sak?" });

        await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "text");
        await badLink.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "link");
        await unknownThing.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_withdrawn_participant_cannot_report_until_enrolled_again()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        (await Client.DeleteAsync($"{round.Url}/enrolments/{anna.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var refused = await anna.Client.PostJsonAsync($"{round.ThingUrl(1)}/report", new { text = "Jag är tillbaka." });
        (await Client.PostJsonAsync($"{round.Url}/enrolments", new { participantIds = new[] { anna.Id } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var accepted = await anna.ReportAsync(round, 1, "Jag är tillbaka.");

        await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        accepted.Status.ShouldBe(ThingProgressStatus.Reported);
    }

    [Fact]
    public async Task A_coordinator_acknowledges_a_reflection_with_a_comment_and_the_participant_reads_it()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var coordinator = await Factory.ClientAsAsync("samordnare@varnamo.example.se", (Role.Coordinator, round.Varnamo));
        var notYet = await coordinator.PutJsonAsync($"{round.Url}/enrolments/{anna.Id}/things/{round.ThingId(1)}/acknowledgement", new { comment = "Redan?" });
        await anna.ReportAsync(round, 1, "Klart!");

        var acknowledged = await (await coordinator.PutJsonAsync(
                $"{round.Url}/enrolments/{anna.Id}/things/{round.ThingId(1)}/acknowledgement", new { comment = "Snyggt jobbat, Anna!" }))
            .ShouldBeAsync<ThingProgressDto>(HttpStatusCode.OK);

        (await notYet.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()
            .ShouldBe("The participant has not reported this thing yet: there is no reflection to acknowledge.");
        acknowledged.AcknowledgedBy.ShouldBe("samordnare@varnamo.example.se");
        acknowledged.AcknowledgedAt.ShouldBe(Factory.Clock.GetUtcNow());
        var mine = await MyRoundsAsync(anna.Client);
        mine.Items.Single().Things[0].AcknowledgementComment.ShouldBe("Snyggt jobbat, Anna!");
        var history = await Client.HistoryAsync(round, anna.Id);
        history.Items[^1].ShouldSatisfyAllConditions(
            e => e.Kind.ShouldBe(ProgressEventKind.Acknowledged),
            e => e.Actor.ShouldBe("samordnare@varnamo.example.se"),
            e => e.Note.ShouldBe("Snyggt jobbat, Anna!"));
    }

    [Fact]
    public async Task My_rounds_show_the_released_things_with_instructions_my_status_what_is_next_and_the_deadline()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        await anna.ReportAsync(round, 1, "Klart!");
        await round.ReleaseNextAsync();
        await anna.StartAsync(round, 2);

        var mine = (await MyRoundsAsync(anna.Client)).Items.ShouldHaveSingleItem();

        mine.RoundId.ShouldBe(round.Id);
        mine.Deadline.ShouldBe(new DateOnly(2010, 8, 31));
        mine.Status.ShouldBe(EnrolmentStatus.Active);
        mine.ThingsReported.ShouldBe(1);
        mine.ThingCount.ShouldBe(8);
        mine.Things.Select(t => (t.Position, t.Title, t.Status)).ShouldBe(
            [(1, "Lärplattformen", ThingProgressStatus.Reported), (2, "Bloggar", ThingProgressStatus.Started)]);
        mine.Things[0].Reflection!.Text.ShouldBe("Klart!");
        mine.Next.ShouldBe(new MyNextThingDto(round.ThingId(2), 2, "Bloggar", IsReleased: true, PlannedDate: null));

        await anna.ReportAsync(round, 2, "Bloggen finns!");
        var next = (await MyRoundsAsync(anna.Client)).Items.Single().Next;
        next.ShouldBe(new MyNextThingDto(round.ThingId(3), 3, "Facebook", IsReleased: false, PlannedDate: new DateOnly(2010, 4, 6)));
    }

    [Fact]
    public async Task My_rounds_give_the_instructions_as_safe_html_with_headings_from_h3_where_a_script_in_them_does_not_come_back()
    {
        const string instructions = "## Logga in\n\nGå till **lärplattformen**.<script>alert('x')</script>\n\n[Klicka](javascript:alert(1)) <img src=x onerror=alert(2)>";
        var round = await RunningRound.StartAsync(Factory, Client, instructions: instructions);
        var anna = await round.EnrolAsync("Anna Ek");

        var thing = (await MyRoundsAsync(anna.Client)).Items.Single().Things.ShouldHaveSingleItem();

        thing.Instructions.ShouldBe(instructions);
        thing.InstructionsHtml.ShouldContain("<h3>Logga in</h3>");
        thing.InstructionsHtml.ShouldContain("<strong>lärplattformen</strong>");
        thing.InstructionsHtml.ShouldContain("&lt;script&gt;");
        thing.InstructionsHtml.ShouldNotContain("<script", Case.Insensitive);
        thing.InstructionsHtml.ShouldNotContain("javascript:", Case.Insensitive);
        thing.InstructionsHtml.ShouldNotContain("<img", Case.Insensitive);
    }

    [Fact]
    public async Task Where_working_ahead_is_off_my_rounds_list_the_unreleased_things_with_their_planned_dates_and_no_instructions()
    {
        var round = await RunningRound.StartAsync(Factory, Client, instructions: "Hemligt tills vidare.");
        var anna = await round.EnrolAsync("Anna Ek");

        var mine = (await MyRoundsAsync(anna.Client)).Items.ShouldHaveSingleItem();

        mine.Things.ShouldHaveSingleItem().PlannedDate.ShouldBeNull();
        mine.Upcoming.Select(t => (t.Position, t.Title, t.PlannedDate)).ShouldBe(
            [.. Enumerable.Range(2, 7).Select(p => (p, ReportRound.Things[p - 1], (DateOnly?)ReportRound.PlannedDates[p - 1]))]);
    }

    [Fact]
    public async Task With_working_ahead_allowed_every_thing_is_in_my_rounds_and_an_unreleased_one_tells_its_planned_date()
    {
        var round = await RunningRound.StartAsync(Factory, Client, workAheadAllowed: true);
        var anna = await round.EnrolAsync("Anna Ek");

        var mine = (await MyRoundsAsync(anna.Client)).Items.ShouldHaveSingleItem();

        mine.Upcoming.ShouldBeEmpty();
        mine.Things.Count.ShouldBe(8);
        mine.Things[2].PlannedDate.ShouldBe(ReportRound.PlannedDates[2]);
    }

    [Fact]
    public async Task My_rounds_promise_no_next_thing_once_the_round_is_closed()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        await anna.ReportAsync(round, 1, "Klart!");
        (await Client.PostAsync($"{round.Url}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var mine = (await MyRoundsAsync(anna.Client)).Items.ShouldHaveSingleItem();

        mine.RoundStatus.ShouldBe(RoundStatus.Closed);
        mine.Next.ShouldBeNull();
        mine.Things.ShouldHaveSingleItem().Status.ShouldBe(ThingProgressStatus.Reported);
    }

    [Fact]
    public async Task A_pilot_from_another_municipality_sees_the_round_in_my_rounds_and_reports_in_it()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var counties = await (await Client.GetAsync($"{LibraryBuilder.Url}?type=County")).ShouldBeAsync<PagedList<Application.Libraries.LibraryDto>>(HttpStatusCode.OK);
        var gnosjo = await Client.CreateMunicipalityAsync(counties.Items[0].Id, "Gnosjö", "0617");
        var gnosjoLibrary = await Client.CreateUnitAsync(gnosjo.Id, "MainLibrary", "Gnosjö bibliotek", 4);
        var pia = await round.EnrolAsync("Pia Lot", gnosjoLibrary.Id);

        var reported = await pia.ReportAsync(round, 1, "Pilot här!");
        var mine = await MyRoundsAsync(pia.Client);
        var me = await (await pia.Client.GetAsync("/api/v1/me")).ShouldBeAsync<MeDto>(HttpStatusCode.OK);

        reported.Status.ShouldBe(ThingProgressStatus.Reported);
        mine.Items.ShouldHaveSingleItem().Title.ShouldBe("Sociala medier – Värnamo 2010");
        me.ParticipantId.ShouldBe(pia.Id);
    }

    [Fact]
    public async Task Participants_read_the_reflections_of_their_own_round_and_never_those_of_another()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var bo = await round.EnrolAsync("Bo Ström");
        await anna.ReportAsync(round, 1, "Annas tankar.");
        var outsider = await round.EnrolAsync("Cecilia Ås", enrol: false);

        var seenByBo = await (await bo.Client.GetAsync($"{round.Url}/reflections")).ShouldBeAsync<PagedList<RoundReflectionDto>>(HttpStatusCode.OK);
        var reflections = await outsider.Client.GetAsync($"{round.Url}/reflections");
        var annasHistory = await outsider.Client.GetAsync($"{round.Url}/enrolments/{anna.Id}/history");
        var annasHistoryForBo = await bo.Client.GetAsync($"{round.Url}/enrolments/{anna.Id}/history");

        seenByBo.Items.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r.Name.ShouldBe("Anna Ek"), r => r.Text.ShouldBe("Annas tankar."), r => r.Position.ShouldBe(1));
        await reflections.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await annasHistory.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await annasHistoryForBo.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_account_is_linked_to_the_staff_record_with_its_e_mail_only_at_its_own_libraries()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var counties = await (await Client.GetAsync($"{LibraryBuilder.Url}?type=County")).ShouldBeAsync<PagedList<Application.Libraries.LibraryDto>>(HttpStatusCode.OK);
        var gnosjo = await Client.CreateMunicipalityAsync(counties.Items[0].Id, "Gnosjö", "0617");
        var bo = await (await Client.PostJsonAsync("/api/v1/participants", new { name = "Bo Ström", email = "bo.strom@bibliotek.example.se", unitId = round.Bor }))
            .ShouldBeAsync<StaffMemberDto>(HttpStatusCode.Created);
        (await Client.PostJsonAsync($"{round.Url}/enrolments", new { participantIds = new[] { bo.Id } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var impostor = await Factory.ClientAsAsync("bo.strom@bibliotek.example.se", (Role.Participant, gnosjo.Id));

        var annasMe = await (await anna.Client.GetAsync("/api/v1/me")).ShouldBeAsync<MeDto>(HttpStatusCode.OK);
        var impostorsMe = await (await impostor.GetAsync("/api/v1/me")).ShouldBeAsync<MeDto>(HttpStatusCode.OK);
        var impostorsRounds = await MyRoundsAsync(impostor);

        annasMe.ParticipantId.ShouldBe(anna.Id);
        impostorsMe.ParticipantId.ShouldBeNull();
        impostorsRounds.TotalCount.ShouldBe(0);
    }

    private static async Task<PagedList<MyRoundDto>> MyRoundsAsync(HttpClient client) =>
        await (await client.GetAsync("/api/v1/me/rounds")).ShouldBeAsync<PagedList<MyRoundDto>>(HttpStatusCode.OK);
}
