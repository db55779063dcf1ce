using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Application.Courses;
using EnSakITaget.Domain.Courses;

namespace EnSakITaget.Api.IntegrationTests.Courses;

/// <summary>The report's spring of 2010, walked with the clock: nobody calls the API to release a thing; the scheduler does, on its day.</summary>
public sealed class ReportTimelineTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_thing_every_three_weeks_with_the_summer_off_is_planned_from_the_kick_off_to_the_deadline()
    {
        Factory.Clock.SetLocal(new DateOnly(2010, 2, 1));
        var (round, _) = await ReportRound.CreateAsync(Client);

        var schedule = await Client.ScheduleAsync(round.Id);

        schedule.Mode.ShouldBe(ScheduleMode.Cadence);
        schedule.EveryWeeks.ShouldBe(3);
        schedule.Things.Select(t => t.Title).ShouldBe(ReportRound.Things);
        schedule.Things.Select(t => t.PlannedDate).ShouldBe(ReportRound.PlannedDates.Select(d => (DateOnly?)d));
        (schedule.KickOff, schedule.Deadline).ShouldBe((ReportRound.KickOff, ReportRound.Deadline));
        schedule.NextReleaseDate.ShouldBe(ReportRound.KickOff);
    }

    [Fact]
    public async Task The_round_releases_its_things_on_their_days_pauses_over_the_summer_and_closes_after_the_deadline()
    {
        Factory.Clock.SetLocal(new DateOnly(2010, 2, 1));
        var (round, _) = await ReportRound.CreateAsync(Client);
        await (await Client.PostAsync($"/api/v1/rounds/{round.Id}/open", null)).ShouldBeAsync<RoundDto>(HttpStatusCode.OK);

        // Before the kick-off nothing is released, by the scheduler or by hand.
        await Task.Delay(1500);
        (await Client.ScheduleAsync(round.Id)).ReleasedCount.ShouldBe(0);
        var early = await (await Client.PostJsonAsync($"/api/v1/rounds/{round.Id}/release-next", new { expectedReleased = 0 })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        early.GetProperty("detail").GetString()!.ShouldContain("before the kick-off");

        // The kick-off: the platform is released at the start of the day.
        Factory.Clock.SetLocal(ReportRound.KickOff, hour: 0);
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var kickOff = await Client.ScheduleOnceAsync(round.Id, s => s.ReleasedCount == 1);
        kickOff.ReleasedCount.ShouldBe(1);
        kickOff.Things[0].ReleasedAt.ShouldNotBeNull();
        kickOff.NextReleaseDate.ShouldBe(new DateOnly(2010, 3, 16));

        // The day before the next release, still one thing.
        Factory.Clock.SetLocal(new DateOnly(2010, 3, 15), hour: 23);
        await Task.Delay(1500);
        (await Client.ScheduleAsync(round.Id)).ReleasedCount.ShouldBe(1);

        // Three weeks after the kick-off: blogs.
        Factory.Clock.SetLocal(new DateOnly(2010, 3, 16));
        (await Client.ScheduleOnceAsync(round.Id, s => s.ReleasedCount == 2)).ReleasedCount.ShouldBe(2);

        // Midsummer: everything planned before the pause is out, the rest waits for August.
        Factory.Clock.SetLocal(new DateOnly(2010, 6, 25));
        var summer = await Client.ScheduleOnceAsync(round.Id, s => s.ReleasedCount == 6);
        summer.ReleasedCount.ShouldBe(6);
        summer.NextReleaseDate.ShouldBe(new DateOnly(2010, 8, 9));
        Factory.Clock.SetLocal(new DateOnly(2010, 8, 8), hour: 20);
        await Task.Delay(1500);
        (await Client.ScheduleAsync(round.Id)).ReleasedCount.ShouldBe(6);

        // After the pause, image & film; then the coordinator releases music early, by hand.
        Factory.Clock.SetLocal(new DateOnly(2010, 8, 9));
        (await Client.ScheduleOnceAsync(round.Id, s => s.ReleasedCount == 7)).ReleasedCount.ShouldBe(7);
        Factory.Clock.SetLocal(new DateOnly(2010, 8, 10));
        var all = await (await Client.PostJsonAsync($"/api/v1/rounds/{round.Id}/release-next", new { expectedReleased = 7 })).ShouldBeAsync<ScheduleDto>(HttpStatusCode.OK);
        all.ReleasedCount.ShouldBe(8);
        all.NextThingId.ShouldBeNull();
        await (await Client.PostJsonAsync($"/api/v1/rounds/{round.Id}/release-next", new { expectedReleased = 8 })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        // The deadline is the last day; the day after, the round closes by itself.
        Factory.Clock.SetLocal(ReportRound.Deadline, hour: 23);
        await Task.Delay(1500);
        (await Client.ScheduleAsync(round.Id)).Status.ShouldBe(RoundStatus.Open);
        Factory.Clock.SetLocal(new DateOnly(2010, 9, 1));
        (await Client.ScheduleOnceAsync(round.Id, s => s.Status == RoundStatus.Closed)).Status.ShouldBe(RoundStatus.Closed);
        var closed = await (await Client.PostJsonAsync($"/api/v1/rounds/{round.Id}/release-next", new { expectedReleased = 8 })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        closed.GetProperty("detail").GetString()!.ShouldContain("closed");
    }

    [Fact]
    public async Task Things_released_stay_released_when_the_plan_changes_and_only_the_rest_are_replanned()
    {
        Factory.Clock.SetLocal(new DateOnly(2010, 2, 1));
        var (round, _) = await ReportRound.CreateAsync(Client);
        await (await Client.PostAsync($"/api/v1/rounds/{round.Id}/open", null)).ShouldBeAsync<RoundDto>(HttpStatusCode.OK);
        Factory.Clock.SetLocal(new DateOnly(2010, 3, 20));
        await Client.ScheduleOnceAsync(round.Id, s => s.ReleasedCount == 2);

        // "Not one thing a week, more like one a month": the coordinator gives September too and slows down to every four weeks.
        await (await Client.PutJsonAsync($"/api/v1/rounds/{round.Id}", new
            {
                title = round.Title, kickOff = ReportRound.KickOff, deadline = new DateOnly(2010, 9, 30), workAheadAllowed = false,
            }))
            .ShouldBeAsync<RoundDto>(HttpStatusCode.OK);
        var slower = await (await Client.PutJsonAsync($"/api/v1/rounds/{round.Id}/schedule", new { mode = "Cadence", everyWeeks = 4 }))
            .ShouldBeAsync<ScheduleDto>(HttpStatusCode.OK);

        // The rest follow four weeks after the last release (16 March), not from the kick-off: nothing comes out at once.
        slower.Things.Take(2).ShouldAllBe(t => t.ReleasedAt != null);
        slower.Things[2].PlannedDate.ShouldBe(new DateOnly(2010, 4, 13));
        slower.Things[7].PlannedDate.ShouldBe(new DateOnly(2010, 4, 13).AddDays(5 * 28));
    }

    [Fact]
    public async Task A_plan_that_would_release_a_thing_after_the_deadline_is_refused_and_changes_nothing()
    {
        Factory.Clock.SetLocal(new DateOnly(2010, 2, 1));
        var (round, _) = await ReportRound.CreateAsync(Client);
        var before = await SnapshotDataAsync();

        var response = await Client.PutJsonAsync($"/api/v1/rounds/{round.Id}/schedule", new { mode = "Cadence", everyWeeks = 5 });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("deadline");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_work_ahead_policy_is_kept_and_can_be_turned_on_and_off_while_the_round_runs(bool initially)
    {
        Factory.Clock.SetLocal(new DateOnly(2010, 2, 1));
        var (round, _) = await ReportRound.CreateAsync(Client, workAheadAllowed: initially);
        round.WorkAheadAllowed.ShouldBe(initially);
        await (await Client.PostAsync($"/api/v1/rounds/{round.Id}/open", null)).ShouldBeAsync<RoundDto>(HttpStatusCode.OK);

        var changed = await (await Client.PutJsonAsync($"/api/v1/rounds/{round.Id}", new
            {
                title = round.Title, kickOff = ReportRound.KickOff, deadline = ReportRound.Deadline, workAheadAllowed = !initially,
            }))
            .ShouldBeAsync<RoundDto>(HttpStatusCode.OK);

        changed.WorkAheadAllowed.ShouldBe(!initially);
        (await (await Client.GetAsync($"/api/v1/rounds/{round.Id}")).ShouldBeAsync<RoundDto>(HttpStatusCode.OK)).WorkAheadAllowed.ShouldBe(!initially);
    }
}
