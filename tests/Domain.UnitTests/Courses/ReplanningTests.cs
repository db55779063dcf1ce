using EnSakITaget.Domain.Courses;

namespace EnSakITaget.Domain.UnitTests.Courses;

/// <summary>A new plan for a running round never releases several things at once.</summary>
public sealed class ReplanningTests
{
    private static readonly DateOnly KickOff = new(2010, 2, 23);
    private static readonly DateOnly Deadline = new(2010, 8, 31);
    private static readonly DateTimeOffset Now = new(2010, 2, 1, 9, 0, 0, TimeSpan.FromHours(1));

    private static Round OpenRoundOfSixThings()
    {
        var course = Course.Create(Guid.NewGuid(), "Sociala medier", "", "sv", Now);
        foreach (var title in new[] { "Lärplattformen", "Bloggar", "Facebook", "Google", "Wikipedia", "Biblioteket" })
        {
            course.AddThing(new ThingContent(title, "", [], 45, ""), null, Now);
        }

        var round = Round.Plan(course.Publish(Now), Guid.NewGuid(), null, [], KickOff, Deadline, false, Now);
        round.Open(KickOff, Now);
        return round;
    }

    [Fact]
    public void A_faster_cadence_set_ten_weeks_in_continues_from_the_last_release_not_from_the_kick_off()
    {
        var round = OpenRoundOfSixThings();
        round.PlanCadence(5, [], today: KickOff);
        round.ReleaseDue(KickOff, Now);
        var tenWeeksIn = KickOff.AddDays(70);
        round.ReleaseDue(tenWeeksIn, Now);

        round.PlanCadence(2, [], today: tenWeeksIn);

        // Things 1–3 are out (the third on 4 May, ten weeks in): the fourth comes two weeks after it.
        round.Things.Count(t => t.IsReleased).ShouldBe(3);
        round.Things[3].PlannedDate.ShouldBe(tenWeeksIn.AddDays(14));
        round.Things[4].PlannedDate.ShouldBe(tenWeeksIn.AddDays(28));
        round.ReleaseDue(tenWeeksIn.AddDays(13), Now).ShouldBeEmpty();
    }

    [Fact]
    public void An_open_round_does_not_take_a_deadline_already_past_which_would_close_it_at_once()
    {
        var round = OpenRoundOfSixThings();
        var today = KickOff.AddDays(40);

        Should.Throw<CourseRuleException>(() => round.Change(round.Title, [], KickOff, today.AddDays(-1), false, today))
            .Message.ShouldContain("has passed");
    }

    [Fact]
    public void Moving_the_kick_off_of_a_draft_moves_its_cadence_with_it()
    {
        var course = Course.Create(Guid.NewGuid(), "Sociala medier", "", "sv", Now);
        course.AddThing(new ThingContent("Lärplattformen", "", [], 45, ""), null, Now);
        course.AddThing(new ThingContent("Bloggar", "", [], 45, ""), null, Now);
        var round = Round.Plan(course.Publish(Now), Guid.NewGuid(), null, [], KickOff, Deadline, false, Now);
        round.PlanCadence(3, [], today: new DateOnly(2010, 2, 1));

        round.Change(round.Title, [], KickOff.AddDays(7), Deadline, false, today: new DateOnly(2010, 2, 1));

        round.Things.Select(t => t.PlannedDate).ShouldBe([KickOff.AddDays(7), KickOff.AddDays(28)]);
    }

    [Fact]
    public void A_date_already_past_is_refused_for_a_thing_not_yet_released()
    {
        var round = OpenRoundOfSixThings();
        var today = KickOff.AddDays(10);
        var dates = round.Things.Select((t, i) => (t.Id, Date: today.AddDays(7 * i - 1))).ToDictionary(d => d.Id, d => d.Date);

        Should.Throw<CourseRuleException>(() => round.PlanDates(dates, today)).Message.ShouldContain("a day already past");
    }
}
