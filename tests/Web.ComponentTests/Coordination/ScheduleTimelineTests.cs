using EnSakITaget.Web.Common.Api;
using EnSakITaget.Web.ComponentTests.Common;
using EnSakITaget.Web.Coordination;

namespace EnSakITaget.Web.ComponentTests.Coordination;

public sealed class ScheduleTimelineTests : ComponentTest
{
    private static readonly DateOnly KickOff = new(2010, 2, 23);
    private static readonly DateOnly Deadline = new(2010, 8, 31);

    [Fact]
    public void Released_things_are_out_the_next_one_is_next_and_the_rest_planned_or_not()
    {
        var model = TimelineModel.From(Schedule(), new DateOnly(2010, 3, 23));

        model.Things.Select(t => t.State).ShouldBe([TimelineState.Released, TimelineState.Released, TimelineState.Next, TimelineState.Planned, TimelineState.Unplanned]);
        model.Next!.Position.ShouldBe(3);
        model.ReleasedCount.ShouldBe(2);
        model.PlannedCount.ShouldBe(2);
    }

    [Fact]
    public void Dates_are_placed_on_the_line_from_the_kick_off_to_the_deadline()
    {
        var model = TimelineModel.From(Schedule(), new DateOnly(2010, 3, 23));

        model.Things[0].Offset.ShouldBe(0);
        model.Things[4].Offset.ShouldBeNull();
        var pause = model.Pauses.ShouldHaveSingleItem();
        pause.Start.ShouldBeGreaterThan(model.Things[3].Offset!.Value);
        pause.End.ShouldBeLessThanOrEqualTo(1);
        model.TodayOffset!.Value.ShouldBe((new DateOnly(2010, 3, 23).DayNumber - KickOff.DayNumber) / (double)(Deadline.DayNumber - KickOff.DayNumber), 1e-9);
    }

    [Fact]
    public void Today_outside_the_round_is_not_drawn()
    {
        TimelineModel.From(Schedule(), new DateOnly(2011, 1, 1)).TodayOffset.ShouldBeNull();
    }

    [Fact]
    public void The_picture_has_a_title_and_a_description_and_the_table_under_it_holds_every_thing()
    {
        var model = TimelineModel.From(Schedule(), new DateOnly(2010, 3, 23));

        var timeline = Render<ScheduleTimeline>(ps => ps.Add(p => p.Model, model));

        var svg = timeline.Find("svg.timeline__picture");
        svg.GetAttribute("role").ShouldBe("img");
        svg.GetAttribute("aria-labelledby").ShouldBe("timeline-title timeline-desc");
        timeline.Find("#timeline-desc").TextContent.ShouldContain("2 saker ute, 2 planerade, 1 uppehåll");
        timeline.FindAll("circle.timeline__released").Count.ShouldBe(2);
        timeline.FindAll("path.timeline__next").Count.ShouldBe(1);
        timeline.FindAll("circle.timeline__planned").Count.ShouldBe(1);
        timeline.FindAll("rect.timeline__pause").Count.ShouldBe(1);

        var rows = timeline.FindAll("table.timeline__table tbody tr");
        rows.Select(r => r.QuerySelectorAll("td")[2].TextContent).ShouldBe(["Ute", "Ute", "Nästa", "Planerad", "Inte planerad"]);
        rows[2].QuerySelectorAll("td")[3].TextContent.ShouldBe("6 apr. 2010");
        timeline.Find("ul.timeline__pauses").TextContent.ShouldContain("1 juni 2010 – 15 aug. 2010");
    }

    private static ScheduleDto Schedule()
    {
        var things = new List<ScheduledThingDto>
        {
            Thing(1, released: new DateTimeOffset(2010, 2, 23, 9, 0, 0, TimeSpan.FromHours(1))),
            Thing(2, released: new DateTimeOffset(2010, 3, 16, 9, 0, 0, TimeSpan.FromHours(1))),
            Thing(3, planned: new DateOnly(2010, 4, 6)),
            Thing(4, planned: new DateOnly(2010, 4, 27)),
            Thing(5),
        };
        return new ScheduleDto
        {
            RoundId = Guid.NewGuid(),
            Status = RoundStatus.Open,
            Mode = ScheduleMode.Cadence,
            EveryWeeks = 3,
            KickOff = KickOff,
            Deadline = Deadline,
            Pauses = [new DateRange { From = new DateOnly(2010, 6, 1), To = new DateOnly(2010, 8, 15) }],
            NextThingId = things[2].ThingId,
            NextReleaseDate = new DateOnly(2010, 4, 6),
            ReleasedCount = 2,
            Things = things,
        };
    }

    private static ScheduledThingDto Thing(int position, DateTimeOffset? released = null, DateOnly? planned = null) => new()
    {
        ThingId = Guid.NewGuid(), Position = position, Title = $"Sak nummer {position}", ReleasedAt = released, PlannedDate = planned,
    };
}
