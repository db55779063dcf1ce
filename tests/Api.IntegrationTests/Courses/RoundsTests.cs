using System.Net;
using System.Net.Http.Json;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Courses;
using EnSakITaget.Domain.Courses;
using EnSakITaget.Domain.Identity;
using static EnSakITaget.Api.IntegrationTests.Courses.CourseBuilder;

namespace EnSakITaget.Api.IntegrationTests.Courses;

/// <summary>
/// Rounds through the API. The release scheduler runs in the background on the API's clock, so these rounds
/// stay in draft, are released by hand (no planned dates), or are planned for days still to come.
/// </summary>
public sealed class RoundsTests(ApiFactory factory) : ApiTest(factory)
{
    private DateOnly Today => Factory.Clock.Today();

    private DateOnly KickOff => Today.AddDays(14);

    private DateOnly Deadline => Today.AddDays(180);

    [Fact]
    public async Task Creating_a_round_of_a_published_course_answers_201_with_a_draft_that_runs_its_published_version()
    {
        var (world, course) = await BuildAsync();

        var response = await Client.PostJsonAsync(RoundsUrl, RoundBody(course.Id, world.Varnamo, KickOff, Deadline));

        var round = await response.ShouldBeAsync<RoundDto>(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"{RoundsUrl}/{round.Id}");
        round.Status.ShouldBe(RoundStatus.Draft);
        round.CourseId.ShouldBe(course.Id);
        round.CourseVersion.ShouldBe(1);
        round.Title.ShouldBe(course.Title);
        round.HomeLibraryId.ShouldBe(world.Varnamo);
        round.CoordinatorIds.ShouldBeEmpty();
        (round.KickOff, round.Deadline).ShouldBe((KickOff, Deadline));
        round.WorkAheadAllowed.ShouldBeFalse();
        round.ThingCount.ShouldBe(3);
        round.ReleasedCount.ShouldBe(0);
        round.NextReleaseDate.ShouldBeNull();
        round.OpenedAt.ShouldBeNull();
        (await (await Client.GetAsync($"{RoundsUrl}/{round.Id}")).ShouldBeAsync<RoundDto>(HttpStatusCode.OK)).Id.ShouldBe(round.Id);
    }

    [Fact]
    public async Task A_new_round_is_released_by_hand_until_it_is_planned()
    {
        var (world, course) = await BuildAsync();
        var round = await Client.CreateRoundAsync(course.Id, world.Varnamo, KickOff, Deadline);

        var schedule = await Client.GetScheduleAsync(round.Id);

        schedule.Mode.ShouldBe(ScheduleMode.Manual);
        schedule.Things.Select(t => t.Title).ShouldBe(["Bloggar", "RSS", "Flickr"]);
        schedule.Things.Select(t => t.Position).ShouldBe([1, 2, 3]);
        schedule.Things.Select(t => t.ThingId).ShouldBe(course.Things.Select(t => t.Id));
        schedule.Things.ShouldAllBe(t => t.PlannedDate == null && t.ReleasedAt == null);
        schedule.NextThingId.ShouldBe(course.Things[0].Id);
        schedule.NextReleaseDate.ShouldBeNull();
    }

    [Fact]
    public async Task A_round_of_a_course_that_was_never_published_answers_409_and_saves_nothing()
    {
        var world = await Client.CreateTwoCountiesAsync();
        var draft = await Client.CreateCourseAsync(world.Jonkoping);
        await Client.AddThingAsync(draft.Id, "Bloggar");
        var before = await SnapshotDataAsync();

        var response = await Client.PostJsonAsync(RoundsUrl, RoundBody(draft.Id, world.Varnamo, KickOff, Deadline));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("no published version");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_deadline_before_the_kick_off_answers_409_and_saves_nothing()
    {
        var (world, course) = await BuildAsync();
        var before = await SnapshotDataAsync();

        var response = await Client.PostJsonAsync(RoundsUrl, RoundBody(course.Id, world.Varnamo, KickOff, KickOff.AddDays(-1)));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("before the kick-off");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("county")]
    [InlineData("unit")]
    [InlineData("unknown")]
    public async Task A_home_library_that_is_not_a_municipal_organisation_answers_400_and_saves_nothing(string home)
    {
        var (world, course) = await BuildAsync();
        var library = home switch { "county" => world.Jonkoping, "unit" => world.Bor, _ => Guid.NewGuid() };
        var before = await SnapshotDataAsync();

        var response = await Client.PostJsonAsync(RoundsUrl, RoundBody(course.Id, library, KickOff, Deadline));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "homeLibraryId");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_round_of_a_course_of_another_county_answers_409_and_saves_nothing()
    {
        var world = await Client.CreateTwoCountiesAsync();
        var kronobergs = await Client.CreatePublishedCourseAsync(world.Kronoberg);
        var before = await SnapshotDataAsync();

        var response = await Client.PostJsonAsync(RoundsUrl, RoundBody(kronobergs.Id, world.Varnamo, KickOff, Deadline));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("another county");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("""{"courseId":"{course}","homeLibraryId":"{home}","deadline":"2099-08-31"}""", "kickOff")]
    [InlineData("""{"homeLibraryId":"{home}","kickOff":"2099-02-23","deadline":"2099-08-31"}""", "courseId")]
    [InlineData("""{"courseId":"{unknown}","homeLibraryId":"{home}","kickOff":"2099-02-23","deadline":"2099-08-31"}""", "courseId")]
    [InlineData("""{"courseId":"{course}","homeLibraryId":"{home}","title":"{long}","kickOff":"2099-02-23","deadline":"2099-08-31"}""", "title")]
    [InlineData("""{"courseId":"{course}","homeLibraryId":"{home}","kickOff":"2099-02-23","deadline":"2099-08-31","status":"Open"}""", "status")]
    public async Task A_round_with_a_bad_field_answers_400_naming_the_field_and_saves_nothing(string body, string field)
    {
        var (world, course) = await BuildAsync();
        var before = await SnapshotDataAsync();

        var response = await Client.SendRawJsonAsync(HttpMethod.Post, RoundsUrl, body
            .Replace("{course}", course.Id.ToString())
            .Replace("{unknown}", Guid.NewGuid().ToString())
            .Replace("{home}", world.Varnamo.ToString())
            .Replace("{long}", new string('x', 201)));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData(Role.Coordinator, "another municipality")]
    [InlineData(Role.Participant, "the municipality's branch")]
    public async Task Naming_someone_who_does_not_coordinate_the_municipality_as_coordinator_answers_409_and_saves_nothing(Role role, string where)
    {
        var (world, course) = await BuildAsync();
        var library = where == "another municipality" ? world.Gislaved : world.Bor;
        var stranger = await Factory.CreateUserAsync("stranger@test.local", (role, library));
        var before = await SnapshotDataAsync();

        var response = await Client.PostJsonAsync(RoundsUrl, RoundBody(course.Id, world.Varnamo, KickOff, Deadline, stranger.Id));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("not a coordinator");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_coordinator_of_the_municipality_is_named_coordinator_of_its_round()
    {
        var (world, course) = await BuildAsync();
        var anna = await Factory.CreateUserAsync("anna@test.local", (Role.Coordinator, world.Varnamo));

        var round = await Client.CreateRoundAsync(course.Id, world.Varnamo, KickOff, Deadline, anna.Id, anna.Id);

        round.CoordinatorIds.ShouldBe([anna.Id]);
    }

    [Fact]
    public async Task A_coordinator_plans_a_round_for_its_own_municipality()
    {
        var (world, course) = await BuildAsync();
        var coordinator = await Factory.ClientAsAsync("anna@test.local", (Role.Coordinator, world.Varnamo));

        var round = await coordinator.CreateRoundAsync(course.Id, world.Varnamo, KickOff, Deadline);

        round.HomeLibraryId.ShouldBe(world.Varnamo);
        (await Client.GetAsync($"{RoundsUrl}/{round.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_coordinator_cannot_plan_a_round_for_another_municipality()
    {
        var (world, course) = await BuildAsync();
        var coordinator = await Factory.ClientAsAsync("anna@test.local", (Role.Coordinator, world.Varnamo));
        var before = await SnapshotDataAsync();

        var response = await coordinator.PostJsonAsync(RoundsUrl, RoundBody(course.Id, world.Gislaved, KickOff, Deadline));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "homeLibraryId");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Opening_a_draft_round_makes_it_open()
    {
        var round = await DraftRoundAsync();

        var opened = await (await Client.PostAsync($"{RoundsUrl}/{round.Id}/open", null)).ShouldBeAsync<RoundDto>(HttpStatusCode.OK);

        opened.Status.ShouldBe(RoundStatus.Open);
        opened.OpenedAt.ShouldBe(Factory.Clock.GetUtcNow());
        (await Client.GetScheduleAsync(round.Id)).Status.ShouldBe(RoundStatus.Open);
    }

    [Fact]
    public async Task Opening_an_open_round_again_answers_409_and_changes_nothing()
    {
        var round = await DraftRoundAsync();
        await Client.OpenRoundAsync(round.Id);
        var before = await SnapshotDataAsync();

        var response = await Client.PostAsync($"{RoundsUrl}/{round.Id}/open", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Closing_an_open_round_makes_it_closed()
    {
        var round = await DraftRoundAsync();
        await Client.OpenRoundAsync(round.Id);

        var closed = await (await Client.PostAsync($"{RoundsUrl}/{round.Id}/close", null)).ShouldBeAsync<RoundDto>(HttpStatusCode.OK);

        closed.Status.ShouldBe(RoundStatus.Closed);
        closed.ClosedAt.ShouldBe(Factory.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Closing_a_closed_round_again_answers_409_and_changes_nothing()
    {
        var round = await DraftRoundAsync();
        await Client.CloseRoundAsync(round.Id);
        var before = await SnapshotDataAsync();

        var response = await Client.PostAsync($"{RoundsUrl}/{round.Id}/close", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Putting_a_round_changes_its_title_dates_and_work_ahead_policy()
    {
        var round = await DraftRoundAsync();

        var changed = await (await Client.PutJsonAsync($"{RoundsUrl}/{round.Id}", new
            {
                title = "  23 saker – Värnamo  ", kickOff = KickOff.AddDays(7), deadline = Deadline.AddDays(30), workAheadAllowed = true,
            }))
            .ShouldBeAsync<RoundDto>(HttpStatusCode.OK);

        changed.Title.ShouldBe("23 saker – Värnamo");
        (changed.KickOff, changed.Deadline).ShouldBe((KickOff.AddDays(7), Deadline.AddDays(30)));
        changed.WorkAheadAllowed.ShouldBeTrue();
        (await (await Client.GetAsync($"{RoundsUrl}/{round.Id}")).ShouldBeAsync<RoundDto>(HttpStatusCode.OK)).Title.ShouldBe("23 saker – Värnamo");
    }

    [Fact]
    public async Task An_open_round_keeps_its_kick_off_but_its_deadline_may_move()
    {
        var round = await DraftRoundAsync();
        await Client.OpenRoundAsync(round.Id);
        var before = await SnapshotDataAsync();

        var moved = await Client.PutJsonAsync($"{RoundsUrl}/{round.Id}", new { title = round.Title, kickOff = KickOff.AddDays(1), deadline = Deadline });

        var problem = await moved.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("kick-off");
        (await SnapshotDataAsync()).ShouldBe(before);
        var extended = await (await Client.PutJsonAsync($"{RoundsUrl}/{round.Id}", new { title = round.Title, kickOff = KickOff, deadline = Deadline.AddDays(30) }))
            .ShouldBeAsync<RoundDto>(HttpStatusCode.OK);
        extended.Deadline.ShouldBe(Deadline.AddDays(30));
    }

    [Fact]
    public async Task A_closed_round_cannot_be_changed()
    {
        var round = await DraftRoundAsync();
        await Client.CloseRoundAsync(round.Id);
        var before = await SnapshotDataAsync();

        var response = await Client.PutJsonAsync($"{RoundsUrl}/{round.Id}", new { title = "Omdöpt", kickOff = KickOff, deadline = Deadline });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Releasing_before_the_kick_off_answers_409_and_changes_nothing()
    {
        var round = await DraftRoundAsync();
        await Client.OpenRoundAsync(round.Id);
        var before = await SnapshotDataAsync();

        var response = await Client.PostJsonAsync($"{RoundsUrl}/{round.Id}/release-next", new { expectedReleased = 0 });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("before the kick-off");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Releasing_from_a_draft_round_answers_409_and_changes_nothing()
    {
        var (world, course) = await BuildAsync();
        var round = await Client.CreateRoundAsync(course.Id, world.Varnamo, Today, Deadline);
        var before = await SnapshotDataAsync();

        var response = await Client.PostJsonAsync($"{RoundsUrl}/{round.Id}/release-next", new { expectedReleased = 0 });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("Open the round");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Releasing_from_a_closed_round_answers_409_and_changes_nothing()
    {
        var (world, course) = await BuildAsync();
        var round = await Client.CreateRoundAsync(course.Id, world.Varnamo, Today, Deadline);
        await Client.OpenRoundAsync(round.Id);
        await Client.CloseRoundAsync(round.Id);
        var before = await SnapshotDataAsync();

        var response = await Client.PostJsonAsync($"{RoundsUrl}/{round.Id}/release-next", new { expectedReleased = 0 });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("closed");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task From_the_kick_off_things_are_released_by_hand_one_at_a_time_in_order()
    {
        var (world, course) = await BuildAsync();
        var round = await Client.CreateRoundAsync(course.Id, world.Varnamo, Today, Deadline);
        await Client.OpenRoundAsync(round.Id);

        var first = await ReleaseNextAsync(round.Id);
        var second = await ReleaseNextAsync(round.Id);

        first.ReleasedCount.ShouldBe(1);
        first.Things[0].ReleasedAt.ShouldBe(Factory.Clock.GetUtcNow());
        first.Things[1].ReleasedAt.ShouldBeNull();
        first.NextThingId.ShouldBe(course.Things[1].Id);
        second.ReleasedCount.ShouldBe(2);
        second.Things.Select(t => t.ReleasedAt is not null).ShouldBe([true, true, false]);
        second.NextThingId.ShouldBe(course.Things[2].Id);
        (await (await Client.GetAsync($"{RoundsUrl}/{round.Id}")).ShouldBeAsync<RoundDto>(HttpStatusCode.OK)).ReleasedCount.ShouldBe(2);
    }

    [Fact]
    public async Task Ten_releases_at_once_with_one_expectation_release_one_thing_and_all_get_its_answer()
    {
        var (world, course) = await BuildAsync();
        var round = await Client.CreateRoundAsync(course.Id, world.Varnamo, Today, Deadline);
        await Client.OpenRoundAsync(round.Id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Client.PostJsonAsync($"{RoundsUrl}/{round.Id}/release-next", new { expectedReleased = 0 })));

        var answers = new List<ScheduleDto>();
        foreach (var response in responses)
        {
            answers.Add(await response.ShouldBeAsync<ScheduleDto>(HttpStatusCode.OK));
        }

        answers.ShouldAllBe(a => a.ReleasedCount == 1 && a.NextThingId == course.Things[1].Id);
        answers.Select(a => a.Things[0].ReleasedAt).Distinct().Count().ShouldBe(1);
        (await Client.GetScheduleAsync(round.Id)).ReleasedCount.ShouldBe(1);
    }

    [Fact]
    public async Task When_every_thing_is_released_releasing_answers_409_and_changes_nothing()
    {
        var (world, course) = await BuildAsync();
        var round = await Client.CreateRoundAsync(course.Id, world.Varnamo, Today, Deadline);
        await Client.OpenRoundAsync(round.Id);
        for (var i = 0; i < 3; i++)
        {
            await ReleaseNextAsync(round.Id);
        }

        var before = await SnapshotDataAsync();

        var response = await Client.PostJsonAsync($"{RoundsUrl}/{round.Id}/release-next", new { expectedReleased = 3 });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("already released");
        (await SnapshotDataAsync()).ShouldBe(before);
        (await Client.GetScheduleAsync(round.Id)).NextThingId.ShouldBeNull();
    }

    [Fact]
    public async Task A_cadence_plans_a_thing_every_n_weeks_from_the_kick_off_and_a_release_in_a_pause_waits_for_its_end()
    {
        var (world, course) = await BuildAsync("Bloggar", "RSS", "Flickr", "Wikipedia");
        var round = await Client.CreateRoundAsync(course.Id, world.Varnamo, KickOff, Deadline);
        var pause = new DateRange(KickOff.AddDays(20), KickOff.AddDays(35));

        var schedule = await (await Client.PutJsonAsync($"{RoundsUrl}/{round.Id}/schedule",
                new { mode = "Cadence", everyWeeks = 2, pauses = new[] { new { from = pause.From, to = pause.To } } }))
            .ShouldBeAsync<ScheduleDto>(HttpStatusCode.OK);

        // The third release (kick-off + 4 weeks) falls in the pause: it moves to the day after, and the cadence goes on from there.
        DateOnly?[] expected = [KickOff, KickOff.AddDays(14), pause.To.AddDays(1), pause.To.AddDays(15)];
        schedule.Mode.ShouldBe(ScheduleMode.Cadence);
        schedule.EveryWeeks.ShouldBe(2);
        schedule.Pauses.ShouldBe([pause]);
        schedule.Things.Select(t => t.PlannedDate).ShouldBe(expected);
        schedule.NextReleaseDate.ShouldBe(KickOff);
        (await Client.GetScheduleAsync(round.Id)).Things.Select(t => t.PlannedDate).ShouldBe(expected);
        (await (await Client.GetAsync($"{RoundsUrl}/{round.Id}")).ShouldBeAsync<RoundDto>(HttpStatusCode.OK)).NextReleaseDate.ShouldBe(KickOff);
    }

    [Fact]
    public async Task Planning_dates_gives_each_thing_its_own_day()
    {
        var round = await DraftRoundAsync();
        var things = (await Client.GetScheduleAsync(round.Id)).Things;
        DateOnly[] days = [KickOff, KickOff.AddDays(3), KickOff.AddDays(30)];

        var schedule = await (await Client.PutJsonAsync($"{RoundsUrl}/{round.Id}/schedule", DatesBody(things, days)))
            .ShouldBeAsync<ScheduleDto>(HttpStatusCode.OK);

        schedule.Mode.ShouldBe(ScheduleMode.Dates);
        schedule.EveryWeeks.ShouldBeNull();
        schedule.Things.Select(t => t.PlannedDate).ShouldBe(days.Select(d => (DateOnly?)d));
        schedule.NextReleaseDate.ShouldBe(KickOff);
    }

    [Fact]
    public async Task Dates_that_leave_a_thing_out_answer_409_and_change_nothing()
    {
        var round = await DraftRoundAsync();
        var things = (await Client.GetScheduleAsync(round.Id)).Things;
        var before = await SnapshotDataAsync();

        var response = await Client.PutJsonAsync($"{RoundsUrl}/{round.Id}/schedule", DatesBody(things.Take(2), [KickOff, KickOff.AddDays(7)]));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("Thing 3 (Flickr) has no date");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("out of order", "before thing 2")]
    [InlineData("after the deadline", "outside")]
    [InlineData("before the kick-off", "outside")]
    public async Task Dates_that_break_the_plan_answer_409_and_change_nothing(string problemWithTheDates, string reason)
    {
        var round = await DraftRoundAsync();
        var things = (await Client.GetScheduleAsync(round.Id)).Things;
        DateOnly[] days = problemWithTheDates switch
        {
            "out of order" => [KickOff, KickOff.AddDays(14), KickOff.AddDays(7)],
            "after the deadline" => [KickOff, KickOff.AddDays(7), Deadline.AddDays(1)],
            _ => [KickOff.AddDays(-1), KickOff.AddDays(7), KickOff.AddDays(14)],
        };
        var before = await SnapshotDataAsync();

        var response = await Client.PutJsonAsync($"{RoundsUrl}/{round.Id}/schedule", DatesBody(things, days));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain(reason);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("""{"mode":"Manual"}""", "mode")]
    [InlineData("""{"everyWeeks":2}""", "mode")]
    [InlineData("""{"mode":"Cadence","everyWeeks":0}""", "everyWeeks")]
    [InlineData("""{"mode":"Cadence","everyWeeks":53}""", "everyWeeks")]
    [InlineData("""{"mode":"Cadence"}""", "everyWeeks")]
    [InlineData("""{"mode":"Cadence","everyWeeks":2,"pauses":[{"from":"2099-08-01","to":"2099-06-01"}]}""", "pauses[0]")]
    [InlineData("""{"mode":"Dates"}""", "dates")]
    public async Task A_schedule_with_a_bad_field_answers_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        var round = await DraftRoundAsync();
        var before = await SnapshotDataAsync();

        var response = await Client.SendRawJsonAsync(HttpMethod.Put, $"{RoundsUrl}/{round.Id}/schedule", body);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_closed_round_cannot_be_rescheduled()
    {
        var round = await DraftRoundAsync();
        await Client.CloseRoundAsync(round.Id);
        var before = await SnapshotDataAsync();

        var response = await Client.PutJsonAsync($"{RoundsUrl}/{round.Id}/schedule", new { mode = "Cadence", everyWeeks = 2 });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("closed");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Rounds_are_listed_by_status_and_home_library()
    {
        var (world, course) = await BuildAsync();
        var draft = await Client.CreateRoundAsync(course.Id, world.Varnamo, KickOff, Deadline);
        var open = await Client.CreateRoundAsync(course.Id, world.Varnamo, KickOff.AddDays(7), Deadline);
        await Client.OpenRoundAsync(open.Id);
        var closed = await Client.CreateRoundAsync(course.Id, world.Gislaved, KickOff, Deadline);
        await Client.CloseRoundAsync(closed.Id);

        var opened = await ListAsync(Client, "?status=Open");
        var ofVarnamo = await ListAsync(Client, $"?homeLibraryId={world.Varnamo}");
        var closedOfGislaved = await ListAsync(Client, $"?homeLibraryId={world.Gislaved}&status=Closed");
        var draftsOfGislaved = await ListAsync(Client, $"?homeLibraryId={world.Gislaved}&status=Draft");

        opened.Items.ShouldHaveSingleItem().Id.ShouldBe(open.Id);
        ofVarnamo.Items.Select(r => r.Id).ShouldBe([open.Id, draft.Id]); // newest kick-off first
        closedOfGislaved.Items.ShouldHaveSingleItem().Id.ShouldBe(closed.Id);
        draftsOfGislaved.TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_coordinator_lists_only_the_rounds_of_its_municipality()
    {
        var (world, course) = await BuildAsync();
        var ours = await Client.CreateRoundAsync(course.Id, world.Varnamo, KickOff, Deadline);
        var theirs = await Client.CreateRoundAsync(course.Id, world.Gislaved, KickOff, Deadline);
        var coordinator = await Factory.ClientAsAsync("anna@test.local", (Role.Coordinator, world.Varnamo));

        var list = await ListAsync(coordinator, string.Empty);

        list.Items.ShouldHaveSingleItem().Id.ShouldBe(ours.Id);
        await (await coordinator.GetAsync($"{RoundsUrl}/{theirs.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "")]
    [InlineData("PUT", "/{round}")]
    [InlineData("POST", "/{round}/open")]
    [InlineData("PUT", "/{round}/schedule")]
    [InlineData("POST", "/{round}/release-next")]
    public async Task A_participant_gets_403_on_the_round_endpoints_and_changes_nothing(string method, string path)
    {
        var (world, course) = await BuildAsync();
        var round = await Client.CreateRoundAsync(course.Id, world.Varnamo, Today, Deadline);
        var participant = await Factory.ClientAsAsync("bo@test.local", (Role.Participant, world.Bor));
        var before = await SnapshotDataAsync();
        object body = path switch
        {
            "" => RoundBody(course.Id, world.Varnamo, KickOff, Deadline),
            "/{round}" => new { title = "Omdöpt", kickOff = Today, deadline = Deadline },
            "/{round}/release-next" => new { expectedReleased = 0 },
            _ => new { mode = "Cadence", everyWeeks = 1 },
        };

        var response = await participant.SendAsync(new HttpRequestMessage(new HttpMethod(method), RoundsUrl + path.Replace("{round}", round.Id.ToString()))
        {
            Content = method == "GET" ? null : JsonContent.Create(body, options: HttpAssertions.Json),
        });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "/release-next")]
    public async Task An_unknown_round_answers_404(string method, string path)
    {
        var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"{RoundsUrl}/{Guid.NewGuid()}{path}")
        {
            Content = method == "GET" ? null : JsonContent.Create(new { expectedReleased = 0 }, options: HttpAssertions.Json),
        });

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>The two counties, and Jönköping's course published with the things given (three by default).</summary>
    private async Task<(CourseWorld World, CourseDto Course)> BuildAsync(params string[] things)
    {
        var world = await Client.CreateTwoCountiesAsync();
        var course = await Client.CreatePublishedCourseAsync(world.Jonkoping, things.Length > 0 ? things : ["Bloggar", "RSS", "Flickr"]);
        return (world, course);
    }

    /// <summary>A draft round for Värnamo, its kick-off two weeks ahead.</summary>
    private async Task<RoundDto> DraftRoundAsync()
    {
        var (world, course) = await BuildAsync();
        return await Client.CreateRoundAsync(course.Id, world.Varnamo, KickOff, Deadline);
    }

    private async Task<ScheduleDto> ReleaseNextAsync(Guid roundId) => await (await Client.PostJsonAsync(
        $"{RoundsUrl}/{roundId}/release-next", new { expectedReleased = (await Client.GetScheduleAsync(roundId)).ReleasedCount }))
        .ShouldBeAsync<ScheduleDto>(HttpStatusCode.OK);

    private static object DatesBody(IEnumerable<ScheduledThingDto> things, IReadOnlyList<DateOnly> days) =>
        new { mode = "Dates", dates = things.Select((t, i) => new { thingId = t.ThingId, date = days[i] }).ToArray() };

    private static async Task<PagedList<RoundDto>> ListAsync(HttpClient client, string query) =>
        await (await client.GetAsync(RoundsUrl + query)).ShouldBeAsync<PagedList<RoundDto>>(HttpStatusCode.OK);
}
