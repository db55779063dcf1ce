using EnSakITaget.Domain.Courses;

namespace EnSakITaget.Domain.UnitTests.Courses;

/// <summary>A plan that would run past 9999-12-31 is a plan past the deadline: refused as a rule, never an overflow.</summary>
public sealed class PlanningAtTheCalendarsEndTests
{
    private static readonly DateTimeOffset Now = new(2010, 2, 1, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateOnly Today = new(2010, 2, 1);

    private static Round Draft(DateOnly kickOff, DateOnly deadline)
    {
        var course = Course.Create(Guid.CreateVersion7(), "Sociala medier", string.Empty, "sv", Now);
        foreach (var title in new[] { "Lärplattformen", "Bloggar", "Facebook" })
        {
            course.AddThing(new ThingContent(title, $"Om {title}.", ["https://example.org/"], 45, $"Blogga om {title}."), null, Now);
        }

        return Round.Plan(course.Publish(Now), Guid.CreateVersion7(), null, [], kickOff, deadline, workAheadAllowed: false, Now);
    }

    [Fact]
    public void A_pause_until_the_last_day_of_the_calendar_is_refused_as_a_release_after_the_deadline()
    {
        var round = Draft(new DateOnly(2010, 2, 23), DateOnly.MaxValue);

        var refusal = Should.Throw<CourseRuleException>(() =>
            round.PlanCadence(3, [new DateRange(new DateOnly(2010, 3, 1), DateOnly.MaxValue)], Today));

        refusal.Message.ShouldBe("Thing 2 would be released after the deadline 9999-12-31.");
        round.ScheduleMode.ShouldBe(ScheduleMode.Manual);
    }

    [Fact]
    public void A_cadence_that_would_run_past_the_last_day_of_the_calendar_is_refused_as_a_release_after_the_deadline()
    {
        var round = Draft(new DateOnly(9999, 6, 1), DateOnly.MaxValue);

        var refusal = Should.Throw<CourseRuleException>(() => round.PlanCadence(52, [], Today));

        refusal.Message.ShouldBe("Thing 2 would be released after the deadline 9999-12-31.");
    }

    [Fact]
    public void A_cadence_that_ends_on_the_last_day_of_the_calendar_is_planned()
    {
        var round = Draft(new DateOnly(9999, 12, 17), DateOnly.MaxValue);

        round.PlanCadence(1, [], Today);

        round.Things.Select(t => t.PlannedDate).ShouldBe([new DateOnly(9999, 12, 17), new DateOnly(9999, 12, 24), new DateOnly(9999, 12, 31)]);
    }
}
