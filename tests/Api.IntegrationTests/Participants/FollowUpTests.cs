using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Participants.GetManagerParticipation;
using EnSakITaget.Application.Participants.GetProgressMatrix;
using EnSakITaget.Application.Participants.GetSpread;
using EnSakITaget.Application.Participants.ListLaggards;
using EnSakITaget.Application.Participants.NudgeParticipant;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Domain.Participants;

namespace EnSakITaget.Api.IntegrationTests.Participants;

public sealed class FollowUpTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task The_progress_matrix_shows_each_participant_against_each_thing_with_status_and_dates_and_filters_by_unit()
    {
        var round = await RunningRound.StartAsync(Factory, Client, workAheadAllowed: true);
        var bookmobile = await Client.CreateUnitAsync(round.Varnamo, "Bookmobile", "Bokbussen", 2);
        var anna = await round.EnrolAsync("Anna Ek");
        var bo = await round.EnrolAsync("Bo Ström", bookmobile.Id, manager: true);
        await round.EnrolAsync("Cecilia Ås");
        var reportedAt = Factory.Clock.GetUtcNow();
        await anna.ReportAsync(round, 1);
        await anna.StartAsync(round, 2);
        await bo.ReportAsync(round, 1);

        var matrix = await MatrixAsync(round, "?pageSize=100");
        var bookmobileOnly = await MatrixAsync(round, $"?unitId={bookmobile.Id}");

        matrix.Things.Select(t => t.Title).ShouldBe(Courses.ReportRound.Things);
        matrix.Things[0].ReleasedAt.ShouldNotBeNull();
        matrix.Things[1].ReleasedAt.ShouldBeNull();
        matrix.TotalCount.ShouldBe(3);
        matrix.Items.Select(r => (r.Name, r.Status, r.ThingsReported)).ShouldBe(
            [("Anna Ek", EnrolmentStatus.Active, 1), ("Bo Ström", EnrolmentStatus.Active, 1), ("Cecilia Ås", EnrolmentStatus.Invited, 0)]);
        matrix.Items[0].Cells.ShouldBe(
        [
            new MatrixCellDto(1, ThingProgressStatus.Reported, reportedAt, reportedAt, null),
            new MatrixCellDto(2, ThingProgressStatus.Started, reportedAt, null, null),
        ]);
        matrix.Items[2].Cells.ShouldBeEmpty();
        bookmobileOnly.Items.ShouldHaveSingleItem().ShouldSatisfyAllConditions(r => r.Name.ShouldBe("Bo Ström"), r => r.IsManager.ShouldBeTrue());
    }

    [Fact]
    public async Task The_matrix_pages_its_participants_and_reads_only_the_page_s_cells()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var bo = await round.EnrolAsync("Bo Ström");
        await anna.ReportAsync(round, 1);
        await bo.StartAsync(round, 1);

        var second = await MatrixAsync(round, "?page=2&pageSize=1");
        var tooLarge = await Client.GetAsync($"{round.Url}/progress?pageSize=1001");

        second.TotalCount.ShouldBe(2);
        second.Items.ShouldHaveSingleItem().Name.ShouldBe("Bo Ström");
        second.Items[0].Cells.ShouldHaveSingleItem().Status.ShouldBe(ThingProgressStatus.Started);
        await tooLarge.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "pageSize");
    }

    [Fact]
    public async Task A_polled_matrix_answers_304_until_someone_reports()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var first = await Client.GetAsync($"{round.Url}/progress");
        var etag = first.Headers.ETag!.Tag;

        var unchanged = await GetIfNoneMatchAsync($"{round.Url}/progress", etag);
        await anna.ReportAsync(round, 1);
        var changed = await GetIfNoneMatchAsync($"{round.Url}/progress", etag);

        unchanged.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await changed.ShouldBeAsync<ProgressMatrixDto>(HttpStatusCode.OK)).Items.Single().ThingsReported.ShouldBe(1);
    }

    [Fact]
    public async Task The_spread_counts_who_stands_at_each_thing_and_the_distance_from_the_first_to_the_last()
    {
        var round = await RunningRound.StartAsync(Factory, Client, workAheadAllowed: true);
        var anna = await round.EnrolAsync("Anna Ek");
        var bo = await round.EnrolAsync("Bo Ström");
        await round.EnrolAsync("Cecilia Ås");
        var david = await round.EnrolAsync("David Alm");
        for (var position = 1; position <= 3; position++)
        {
            await anna.ReportAsync(round, position);
        }

        await bo.ReportAsync(round, 1);
        await david.ReportAsync(round, 1);
        (await Client.DeleteAsync($"{round.Url}/enrolments/{david.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var spread = await (await Client.GetAsync($"{round.Url}/spread")).ShouldBeAsync<SpreadDto>(HttpStatusCode.OK);

        spread.Participants.ShouldBe(3);
        spread.Things.Select(t => t.StandingHere).ShouldBe([1, 1, 0, 1, 0, 0, 0, 0]);
        (spread.MostReported, spread.FewestReported, spread.Distance, spread.Finished, spread.LatestReleased).ShouldBe((3, 0, 3, 0, 1));
    }

    [Fact]
    public async Task Laggards_are_those_behind_the_latest_release_or_inactive_for_long()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var bo = await round.EnrolAsync("Bo Ström");
        await round.EnrolAsync("Cecilia Ås");
        await anna.ReportAsync(round, 1);
        Factory.Clock.SetLocal(new DateOnly(2010, 3, 10));
        await bo.StartAsync(round, 1);
        await round.ReleaseNextAsync();
        await round.ReleaseNextAsync();
        await anna.ReportAsync(round, 2);
        await anna.ReportAsync(round, 3);
        Factory.Clock.SetLocal(new DateOnly(2010, 3, 20));

        var byDefault = await LaggardsAsync(round, string.Empty);
        var strict = await LaggardsAsync(round, "?behindBy=3&inactiveDays=30");

        byDefault.ShouldSatisfyAllConditions(l => l.BehindBy.ShouldBe(2), l => l.InactiveDays.ShouldBe(14), l => l.LatestReleased.ShouldBe(3));
        byDefault.Items.Select(l => (l.Name, l.Behind, l.InactiveDays, string.Join('+', l.Reasons))).ShouldBe(
            [("Bo Ström", 3, 10, "Behind"), ("Cecilia Ås", 3, 25, "Behind+Inactive")]);
        strict.Items.Select(l => (l.Name, string.Join('+', l.Reasons))).ShouldBe([("Bo Ström", "Behind"), ("Cecilia Ås", "Behind")]);
        await (await Client.GetAsync($"{round.Url}/laggards?behindBy=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "behindBy");
    }

    [Fact]
    public async Task A_nudge_is_recorded_and_a_second_within_the_interval_is_refused_until_it_has_passed()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var cecilia = await round.EnrolAsync("Cecilia Ås");
        var coordinator = await Factory.ClientAsAsync("samordnare@varnamo.example.se", (Role.Coordinator, round.Varnamo));
        var url = $"{round.Url}/enrolments/{cecilia.Id}/nudges";

        var first = await (await coordinator.PostJsonAsync(url, new { message = "Hej Cecilia, hur går det med plattformen?" }))
            .ShouldBeAsync<NudgeDto>(HttpStatusCode.Created);
        Factory.Clock.Advance(TimeSpan.FromDays(6));
        var before = await SnapshotDataAsync();
        var tooSoon = await coordinator.PostJsonAsync(url, new { message = "Igen!" });
        var unchanged = await SnapshotDataAsync();
        Factory.Clock.Advance(TimeSpan.FromDays(1));
        var second = await (await coordinator.PostAsync(url, null)).ShouldBeAsync<NudgeDto>(HttpStatusCode.Created);

        first.ShouldSatisfyAllConditions(n => n.NudgeCount.ShouldBe(1), n => n.By.ShouldBe("samordnare@varnamo.example.se"),
            n => n.NextPossibleAt.ShouldBe(first.NudgedAt.AddDays(7)));
        (await tooSoon.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("the next nudge is possible from");
        unchanged.ShouldBe(before);
        second.NudgeCount.ShouldBe(2);
        var history = await Client.HistoryAsync(round, cecilia.Id);
        history.Items.Where(e => e.Kind == ProgressEventKind.Nudged).Select(e => e.Note).ShouldBe(["Hej Cecilia, hur går det med plattformen?", null]);
        var laggards = await LaggardsAsync(round, "?behindBy=1");
        laggards.Items.ShouldHaveSingleItem().ShouldSatisfyAllConditions(l => l.NudgeCount.ShouldBe(2), l => l.LastNudgedAt.ShouldBe(second.NudgedAt));
    }

    [Fact]
    public async Task Laggards_say_who_may_be_nudged_now_and_when_a_recent_nudge_allows_the_next()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var bo = await round.EnrolAsync("Bo Ström");
        await round.EnrolAsync("Cecilia Ås");
        var nudged = await (await Client.PostAsync($"{round.Url}/enrolments/{bo.Id}/nudges", null)).ShouldBeAsync<NudgeDto>(HttpStatusCode.Created);

        var laggards = await LaggardsAsync(round, "?behindBy=1");

        laggards.Items.Select(l => (l.Name, l.Nudgeable, l.NudgeableFrom)).ShouldBe(
            [("Bo Ström", false, (DateTimeOffset?)nudged.NextPossibleAt), ("Cecilia Ås", true, null)]);
    }

    [Fact]
    public async Task Laggards_of_a_closed_round_are_listed_but_none_of_them_as_nudgeable()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var bo = await round.EnrolAsync("Bo Ström");
        await round.EnrolAsync("Cecilia Ås");
        (await Client.PostAsync($"{round.Url}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var laggards = await LaggardsAsync(round, "?behindBy=1");

        laggards.Items.Select(l => (l.Name, l.Nudgeable, l.NudgeableFrom)).ShouldBe([("Bo Ström", false, (DateTimeOffset?)null), ("Cecilia Ås", false, null)]);
        await (await Client.PostAsync($"{round.Url}/enrolments/{bo.Id}/nudges", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Manager_participation_counts_the_managers_on_the_roster_enrolled_and_active()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var boss = await round.EnrolAsync("Birgitta Chef", manager: true);
        await round.EnrolAsync("Carl Chef", manager: true);
        await round.EnrolAsync("Dora Chef", manager: true, enrol: false);
        await round.EnrolAsync("Anna Ek");
        await boss.StartAsync(round, 1);

        var managers = await (await Client.GetAsync($"{round.Url}/managers")).ShouldBeAsync<ManagerParticipationDto>(HttpStatusCode.OK);

        (managers.OnRoster, managers.Enrolled, managers.Active, managers.Completed).ShouldBe((3, 2, 1, 0));
        managers.Managers.Select(m => (m.Name, m.Status)).ShouldBe(
            [("Birgitta Chef", EnrolmentStatus.Active), ("Carl Chef", EnrolmentStatus.Invited), ("Dora Chef", (EnrolmentStatus?)null)]);
    }

    [Fact]
    public async Task A_coordinator_of_another_municipality_sees_none_of_the_round_s_follow_up()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var counties = await (await Client.GetAsync($"{LibraryBuilder.Url}?type=County")).ShouldBeAsync<Application.Common.Paging.PagedList<Application.Libraries.LibraryDto>>(HttpStatusCode.OK);
        var gnosjo = await Client.CreateMunicipalityAsync(counties.Items[0].Id, "Gnosjö", "0617");
        var other = await Factory.ClientAsAsync("samordnare@gnosjo.example.se", (Role.Coordinator, gnosjo.Id));

        foreach (var path in new[] { "progress", "spread", "laggards", "managers", "reflections", $"enrolments/{anna.Id}/history" })
        {
            await (await other.GetAsync($"{round.Url}/{path}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        await (await other.PostAsync($"{round.Url}/enrolments/{anna.Id}/nudges", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<ProgressMatrixDto> MatrixAsync(RunningRound round, string query) =>
        await (await Client.GetAsync($"{round.Url}/progress{query}")).ShouldBeAsync<ProgressMatrixDto>(HttpStatusCode.OK);

    private async Task<HttpResponseMessage> GetIfNoneMatchAsync(string url, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        return await Client.SendAsync(request);
    }

    private async Task<LaggardsDto> LaggardsAsync(RunningRound round, string query) =>
        await (await Client.GetAsync($"{round.Url}/laggards{query}")).ShouldBeAsync<LaggardsDto>(HttpStatusCode.OK);
}
