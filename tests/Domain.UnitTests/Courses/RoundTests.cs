using EnSakITaget.Domain.Common;
using EnSakITaget.Domain.Courses;

namespace EnSakITaget.Domain.UnitTests.Courses;

/// <summary>The report's round: kick-off on Tuesday 23 February 2010, done by the end of August.</summary>
public sealed class RoundTests
{
    private static readonly DateTimeOffset Now = new(2010, 2, 1, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateOnly KickOff = new(2010, 2, 23);
    private static readonly DateOnly Deadline = new(2010, 8, 31);
    private static readonly Guid Varnamo = Guid.CreateVersion7();

    private static CourseVersion PublishedVersion(params string[] titles)
    {
        var course = Course.Create(Guid.CreateVersion7(), "Sociala medier", string.Empty, "sv", Now);
        foreach (var title in titles.Length > 0 ? titles : ["Lärplattformen", "Bloggar", "Facebook"])
        {
            course.AddThing(new ThingContent(title, $"Om {title}.", ["https://example.org/"], 45, $"Blogga om {title}."), null, Now);
        }

        return course.Publish(Now);
    }

    private static Round Draft(params string[] titles) =>
        Round.Plan(PublishedVersion(titles), Varnamo, null, [], KickOff, Deadline, workAheadAllowed: false, Now);

    private static Round Opened(params string[] titles)
    {
        var round = Draft(titles);
        round.Open(KickOff.AddDays(-7), Now);
        return round;
    }

    private static DateTimeOffset On(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(1));

    private static IReadOnlyDictionary<Guid, DateOnly> DatesFor(Round round, params DateOnly[] days) =>
        round.Things.Where(t => !t.IsReleased).Zip(days).ToDictionary(p => p.First.Id, p => p.Second);

    [Fact]
    public void Planning_copies_the_things_of_the_published_version_in_order_into_a_draft_released_by_hand()
    {
        var version = PublishedVersion("Lärplattformen", "Bloggar", "Facebook");

        var round = Round.Plan(version, Varnamo, "Sociala medier – Värnamo", [], KickOff, Deadline, workAheadAllowed: true, Now);

        round.Status.ShouldBe(RoundStatus.Draft);
        round.ScheduleMode.ShouldBe(ScheduleMode.Manual);
        (round.CourseId, round.CourseVersion, round.HomeLibraryId).ShouldBe((version.CourseId, 1, Varnamo));
        (round.Title, round.KickOff, round.Deadline, round.WorkAheadAllowed).ShouldBe(("Sociala medier – Värnamo", KickOff, Deadline, true));
        round.Things.Select(t => (t.Id, t.Position, t.Title)).ShouldBe(version.Things.Select((t, i) => (t.Id, i + 1, t.Title)));
        round.Things.ShouldAllBe(t => t.PlannedDate == null && t.ReleasedAt == null);
        round.NextThing!.Title.ShouldBe("Lärplattformen");
        round.NextReleaseDate.ShouldBeNull();
        round.Revision.ShouldBe(0);
    }

    [Fact]
    public void A_round_without_a_title_takes_the_course_title_and_names_each_coordinator_once()
    {
        var anna = Guid.CreateVersion7();

        var round = Round.Plan(PublishedVersion(), Varnamo, "  ", [anna, anna], KickOff, Deadline, workAheadAllowed: false, Now);

        round.Title.ShouldBe("Sociala medier");
        round.CoordinatorIds.ShouldBe([anna]);
        round.IsCoordinatedBy(anna).ShouldBeTrue();
        round.IsCoordinatedBy(Guid.CreateVersion7()).ShouldBeFalse();
    }

    [Fact]
    public void A_deadline_before_the_kick_off_is_refused_and_one_on_the_kick_off_day_is_allowed()
    {
        Should.Throw<CourseRuleException>(() => Round.Plan(PublishedVersion(), Varnamo, null, [], KickOff, KickOff.AddDays(-1), false, Now))
            .Message.ShouldContain("before the kick-off");

        Round.Plan(PublishedVersion(), Varnamo, null, [], KickOff, KickOff, false, Now).Deadline.ShouldBe(KickOff);
    }

    [Fact]
    public void Opening_a_draft_opens_it_and_opening_it_again_is_refused()
    {
        var round = Draft();

        round.Open(KickOff.AddDays(-7), Now);

        round.Status.ShouldBe(RoundStatus.Open);
        round.OpenedAt.ShouldBe(Now);
        Should.Throw<CourseRuleException>(() => round.Open(KickOff, Now));
    }

    [Fact]
    public void A_round_opens_on_its_deadline_day_but_not_after_it()
    {
        Draft().Open(Deadline, Now);

        Should.Throw<CourseRuleException>(() => Draft().Open(Deadline.AddDays(1), Now)).Message.ShouldContain("has passed");
    }

    [Fact]
    public void Closing_stops_the_plan_and_a_closed_round_refuses_every_change()
    {
        var round = Opened();
        round.PlanCadence(3, [], KickOff);
        var later = Now.AddDays(30);

        round.Close(later);

        round.Status.ShouldBe(RoundStatus.Closed);
        round.ClosedAt.ShouldBe(later);
        round.NextReleaseDate.ShouldBeNull();
        Should.Throw<CourseRuleException>(() => round.Close(later));
        Should.Throw<CourseRuleException>(() => round.Change("Ny titel", [], KickOff, Deadline, false, KickOff));
        Should.Throw<CourseRuleException>(() => round.PlanCadence(2, [], KickOff));
        Should.Throw<CourseRuleException>(() => round.PlanDates(DatesFor(round, KickOff, KickOff, KickOff), KickOff));
        Should.Throw<CourseRuleException>(() => round.ReleaseNext(KickOff, later)).Message.ShouldContain("closed");
    }

    [Fact]
    public void A_draft_round_changes_title_coordinators_dates_and_work_ahead_policy()
    {
        var round = Draft();
        var anna = Guid.CreateVersion7();

        round.Change("Värnamo våren 2010", [anna], KickOff.AddDays(7), Deadline.AddDays(30), workAheadAllowed: true, KickOff);

        (round.Title, round.KickOff, round.Deadline, round.WorkAheadAllowed).ShouldBe(("Värnamo våren 2010", KickOff.AddDays(7), Deadline.AddDays(30), true));
        round.CoordinatorIds.ShouldBe([anna]);
    }

    [Fact]
    public void The_kick_off_of_an_open_round_does_not_move_but_its_deadline_may()
    {
        var round = Opened();

        Should.Throw<CourseRuleException>(() => round.Change("Sociala medier", [], KickOff.AddDays(1), Deadline, false, KickOff))
            .Message.ShouldContain("kick-off of an open round");
        round.Change("Sociala medier", [], KickOff, Deadline.AddDays(14), false, KickOff);

        round.KickOff.ShouldBe(KickOff);
        round.Deadline.ShouldBe(Deadline.AddDays(14));
    }

    [Fact]
    public void Dates_that_would_leave_a_planned_release_outside_the_round_are_refused()
    {
        var round = Draft();
        round.PlanCadence(3, [], KickOff);

        Should.Throw<CourseRuleException>(() => round.Change("Sociala medier", [], KickOff, KickOff.AddDays(30), false, KickOff))
            .Message.ShouldContain("change the schedule first");
        round.Deadline.ShouldBe(Deadline);

        // Chosen dates stay where they were put: moving the kick-off past the first is refused. (A cadence moves with it.)
        var dated = Draft();
        dated.PlanDates(DatesFor(dated, KickOff, KickOff.AddDays(7), KickOff.AddDays(14)), KickOff);
        Should.Throw<CourseRuleException>(() => dated.Change("Sociala medier", [], KickOff.AddDays(1), Deadline, false, KickOff))
            .Message.ShouldContain("change the schedule first");
    }

    [Fact]
    public void A_cadence_releases_a_thing_every_n_weeks_from_the_kick_off()
    {
        var round = Draft("Lärplattformen", "Bloggar", "Facebook", "Google");

        round.PlanCadence(3, [], KickOff);

        round.ScheduleMode.ShouldBe(ScheduleMode.Cadence);
        round.CadenceWeeks.ShouldBe(3);
        round.Things.Select(t => t.PlannedDate).ShouldBe([new DateOnly(2010, 2, 23), new DateOnly(2010, 3, 16), new DateOnly(2010, 4, 6), new DateOnly(2010, 4, 27)]);
        round.NextReleaseDate.ShouldBe(KickOff);
    }

    [Fact]
    public void A_release_that_falls_in_a_pause_moves_to_the_day_after_it_and_the_cadence_goes_on_from_there()
    {
        var round = Draft("Lärplattformen", "Bloggar", "Facebook", "Google");
        var pause = new DateRange(new DateOnly(2010, 3, 10), new DateOnly(2010, 3, 20));

        round.PlanCadence(3, [pause], KickOff);

        // 16 March is in the pause: the thing waits for the 21st, and the next comes three weeks after that.
        round.Things.Select(t => t.PlannedDate).ShouldBe([new DateOnly(2010, 2, 23), new DateOnly(2010, 3, 21), new DateOnly(2010, 4, 11), new DateOnly(2010, 5, 2)]);
        round.Pauses.ShouldBe([pause]);
    }

    [Fact]
    public void A_pause_that_ends_where_another_begins_is_skipped_as_one()
    {
        var round = Draft("Lärplattformen", "Bloggar", "Facebook");

        round.PlanCadence(3, [new(new DateOnly(2010, 3, 10), new DateOnly(2010, 3, 20)), new(new DateOnly(2010, 3, 21), new DateOnly(2010, 3, 31))], KickOff);

        round.Things.Select(t => t.PlannedDate).ShouldBe([new DateOnly(2010, 2, 23), new DateOnly(2010, 4, 1), new DateOnly(2010, 4, 22)]);
    }

    [Fact]
    public void A_kick_off_in_a_pause_moves_the_first_release_to_the_end_of_the_pause()
    {
        var round = Draft("Lärplattformen", "Bloggar");

        round.PlanCadence(1, [new(new DateOnly(2010, 2, 20), new DateOnly(2010, 2, 28))], KickOff);

        round.Things.Select(t => t.PlannedDate).ShouldBe([new DateOnly(2010, 3, 1), new DateOnly(2010, 3, 8)]);
        round.NextReleaseDate.ShouldBe(new DateOnly(2010, 3, 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_cadence_of_less_than_a_week_is_refused(int everyWeeks)
    {
        Should.Throw<CourseRuleException>(() => Draft().PlanCadence(everyWeeks, [], KickOff));
    }

    [Fact]
    public void A_cadence_that_runs_past_the_deadline_is_refused_and_leaves_the_plan_as_it_was()
    {
        var round = Draft();
        round.PlanCadence(1, [], KickOff);

        Should.Throw<CourseRuleException>(() => round.PlanCadence(20, [], KickOff)).Message.ShouldContain("Thing 3 would be released on 2010-11-30");

        round.CadenceWeeks.ShouldBe(1);
        round.Things.Select(t => t.PlannedDate).ShouldBe([KickOff, KickOff.AddDays(7), KickOff.AddDays(14)]);
    }

    [Fact]
    public void Dates_give_each_thing_its_own_day_and_two_may_share_one()
    {
        var round = Draft();

        round.PlanDates(DatesFor(round, KickOff, KickOff.AddDays(10), KickOff.AddDays(10)), KickOff);

        round.ScheduleMode.ShouldBe(ScheduleMode.Dates);
        round.CadenceWeeks.ShouldBeNull();
        round.Things.Select(t => t.PlannedDate).ShouldBe([KickOff, KickOff.AddDays(10), KickOff.AddDays(10)]);
    }

    [Fact]
    public void Dates_that_leave_a_thing_out_are_refused()
    {
        var round = Draft();

        Should.Throw<CourseRuleException>(() => round.PlanDates(DatesFor(round, KickOff, KickOff.AddDays(7)), KickOff))
            .Message.ShouldContain("Thing 3 (Facebook) has no date");
    }

    [Fact]
    public void A_date_for_a_thing_the_round_does_not_have_is_refused()
    {
        var round = Draft();
        var dates = DatesFor(round, KickOff, KickOff, KickOff).ToDictionary();
        dates[Guid.CreateVersion7()] = KickOff;

        Should.Throw<CourseRuleException>(() => round.PlanDates(dates, KickOff)).Message.ShouldContain("has no thing");
    }

    [Theory]
    [InlineData(0, 14, 7, "before thing 2")]
    [InlineData(-1, 7, 14, "outside")]
    [InlineData(0, 7, 190, "outside")]
    public void Dates_out_of_order_or_outside_the_round_are_refused_and_leave_no_plan(int first, int second, int third, string reason)
    {
        var round = Draft();

        Should.Throw<CourseRuleException>(() => round.PlanDates(DatesFor(round, KickOff.AddDays(first), KickOff.AddDays(second), KickOff.AddDays(third)), KickOff))
            .Message.ShouldContain(reason);

        round.ScheduleMode.ShouldBe(ScheduleMode.Manual);
        round.Things.ShouldAllBe(t => t.PlannedDate == null);
    }

    [Fact]
    public void Released_things_need_no_date_and_keep_the_one_they_had()
    {
        var round = Opened();
        round.PlanCadence(1, [], KickOff);
        round.ReleaseNext(KickOff, On(KickOff));

        round.PlanDates(DatesFor(round, KickOff.AddDays(20), KickOff.AddDays(30)), KickOff);

        round.Things.Select(t => t.PlannedDate).ShouldBe([KickOff, KickOff.AddDays(20), KickOff.AddDays(30)]);
        round.NextReleaseDate.ShouldBe(KickOff.AddDays(20));
    }

    [Fact]
    public void Nothing_is_released_from_a_draft_round()
    {
        Should.Throw<CourseRuleException>(() => Draft().ReleaseNext(KickOff, On(KickOff))).Message.ShouldContain("Open the round");
    }

    [Fact]
    public void Nothing_is_released_by_hand_before_the_kick_off()
    {
        var round = Opened();

        Should.Throw<CourseRuleException>(() => round.ReleaseNext(KickOff.AddDays(-1), Now)).Message.ShouldContain("before the kick-off on 2010-02-23");
        round.Things.ShouldAllBe(t => !t.IsReleased);
    }

    [Fact]
    public void Releasing_by_hand_releases_the_next_thing_ahead_of_the_plan_until_none_is_left()
    {
        var round = Opened();
        round.PlanCadence(3, [], KickOff);

        var first = round.ReleaseNext(KickOff, On(KickOff));
        var second = round.ReleaseNext(KickOff.AddDays(1), On(KickOff.AddDays(1)));

        (first.Position, second.Position).ShouldBe((1, 2));
        second.ReleasedAt.ShouldBe(On(KickOff.AddDays(1)));
        round.NextThing!.Position.ShouldBe(3);
        round.NextReleaseDate.ShouldBe(new DateOnly(2010, 4, 6));
        round.ReleaseNext(KickOff.AddDays(2), Now);
        round.NextReleaseDate.ShouldBeNull();
        Should.Throw<CourseRuleException>(() => round.ReleaseNext(KickOff.AddDays(3), Now)).Message.ShouldContain("already released");
    }

    [Fact]
    public void A_release_that_expects_as_many_released_things_as_there_are_releases_the_next_one()
    {
        var round = Opened();
        round.ReleaseNext(KickOff, On(KickOff));

        var released = round.ReleaseNext(1, KickOff, On(KickOff));

        released.ShouldNotBeNull().Position.ShouldBe(2);
        round.ReleasedCount.ShouldBe(2);
    }

    [Fact]
    public void A_release_that_expects_one_fewer_released_things_has_happened_already_and_releases_nothing()
    {
        var round = Opened();
        round.ReleaseNext(0, KickOff, On(KickOff));

        round.ReleaseNext(0, KickOff, On(KickOff)).ShouldBeNull();

        round.ReleasedCount.ShouldBe(1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void A_release_that_expects_any_other_count_is_stale_and_names_expected_released(int expected)
    {
        var round = Opened();
        round.ReleaseNext(KickOff, On(KickOff));
        round.ReleaseNext(KickOff, On(KickOff));

        var stale = Should.Throw<StaleExpectationException>(() => round.ReleaseNext(expected, KickOff, On(KickOff)));

        stale.Field.ShouldBe("expectedReleased");
        round.ReleasedCount.ShouldBe(2);
    }

    [Fact]
    public void The_scheduler_releases_every_due_thing_in_order_and_stops_at_the_first_that_is_not_due()
    {
        var round = Opened();
        round.PlanCadence(1, [], KickOff);
        var now = On(new DateOnly(2010, 3, 5));

        var released = round.ReleaseDue(new DateOnly(2010, 3, 5), now);

        released.Select(t => t.Position).ShouldBe([1, 2]);
        round.Things.Select(t => t.ReleasedAt).ShouldBe([now, now, null]);
        round.NextReleaseDate.ShouldBe(new DateOnly(2010, 3, 9));
        round.ReleaseDue(new DateOnly(2010, 3, 8), now).ShouldBeEmpty();
    }

    [Fact]
    public void The_scheduler_does_not_release_again_what_was_released_by_hand()
    {
        var round = Opened();
        round.PlanCadence(1, [], KickOff);
        round.ReleaseNext(KickOff, On(KickOff));
        round.ReleaseNext(KickOff, On(KickOff));

        var released = round.ReleaseDue(KickOff.AddDays(7), On(KickOff.AddDays(7)));

        released.ShouldBeEmpty();
        round.Things[1].ReleasedAt.ShouldBe(On(KickOff));
    }

    [Fact]
    public void The_scheduler_does_nothing_before_the_kick_off()
    {
        var round = Opened();
        round.PlanCadence(1, [], KickOff);

        round.ReleaseDue(KickOff.AddDays(-1), Now).ShouldBeEmpty();

        round.Things.ShouldAllBe(t => !t.IsReleased);
    }

    [Fact]
    public void The_scheduler_does_nothing_on_a_draft_round()
    {
        var round = Draft();
        round.PlanCadence(1, [], KickOff);

        round.ReleaseDue(Deadline.AddDays(1), Now).ShouldBeEmpty();

        round.Status.ShouldBe(RoundStatus.Draft);
        round.Things.ShouldAllBe(t => !t.IsReleased);
    }

    [Fact]
    public void The_scheduler_releases_nothing_that_has_no_planned_date()
    {
        var round = Opened();

        round.ReleaseDue(KickOff.AddDays(30), Now).ShouldBeEmpty();

        round.Revision.ShouldBe(1);
    }

    [Fact]
    public void The_scheduler_closes_the_round_the_day_after_its_deadline_without_releasing_anything_more()
    {
        var round = Opened();
        round.PlanDates(DatesFor(round, KickOff, KickOff.AddDays(7), Deadline), KickOff);
        var after = On(Deadline.AddDays(1));

        round.ReleaseDue(Deadline, On(Deadline)).Count.ShouldBe(3);
        round.Status.ShouldBe(RoundStatus.Open);
        var released = round.ReleaseDue(Deadline.AddDays(1), after);

        released.ShouldBeEmpty();
        round.Status.ShouldBe(RoundStatus.Closed);
        round.ClosedAt.ShouldBe(after);
        round.ReleaseDue(Deadline.AddDays(2), Now).ShouldBeEmpty();
        round.ClosedAt.ShouldBe(after);
    }

    [Fact]
    public void The_revision_changes_with_every_change_and_only_then()
    {
        var round = Draft();
        var revisions = new List<int> { round.Revision };

        round.Open(KickOff.AddDays(-7), Now);
        revisions.Add(round.Revision);
        round.PlanCadence(1, [], KickOff);
        revisions.Add(round.Revision);
        round.ReleaseDue(KickOff.AddDays(-1), Now);
        revisions.Add(round.Revision);
        round.ReleaseNext(KickOff, On(KickOff));
        revisions.Add(round.Revision);
        round.ReleaseDue(KickOff.AddDays(7), On(KickOff.AddDays(7)));
        revisions.Add(round.Revision);
        round.Change("Värnamo", [], KickOff, Deadline, true, KickOff);
        revisions.Add(round.Revision);
        round.PlanDates(DatesFor(round, KickOff.AddDays(30)), KickOff);
        revisions.Add(round.Revision);
        round.Close(Now);
        revisions.Add(round.Revision);

        revisions.ShouldBe([0, 1, 2, 2, 3, 4, 5, 6, 7]);
    }
}
