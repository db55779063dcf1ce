using AutoMapper;
using EnSakITaget.Application.Courses;
using EnSakITaget.Domain.Courses;

namespace EnSakITaget.Application.UnitTests.Courses;

public sealed class CourseMappingProfileTests
{
    private static readonly DateTimeOffset Now = new(2010, 2, 1, 9, 0, 0, TimeSpan.FromHours(1));

    private readonly IMapper mapper = new MapperConfiguration(cfg => cfg.AddProfile<CourseMappingProfile>()).CreateMapper();

    [Fact]
    public void The_mapping_configuration_is_valid() =>
        new MapperConfiguration(cfg => cfg.AddProfile<CourseMappingProfile>()).AssertConfigurationIsValid();

    [Fact]
    public void A_course_maps_its_things_in_order_with_their_positions()
    {
        var course = Course.Create(Guid.NewGuid(), "Sociala medier", "", "sv", Now);
        course.AddThing(new ThingContent("Bloggar", "", [], 60, ""), null, Now);
        course.AddThing(new ThingContent("Lärplattformen", "", [], 30, ""), 1, Now);

        var dto = mapper.Map<CourseDto>(course);

        dto.Things.Select(t => (t.Position, t.Title)).ShouldBe([(1, "Lärplattformen"), (2, "Bloggar")]);
    }

    [Fact]
    public void A_round_maps_its_counts_and_its_schedule_its_next_thing()
    {
        var course = Course.Create(Guid.NewGuid(), "Sociala medier", "", "sv", Now);
        course.AddThing(new ThingContent("Lärplattformen", "", [], 30, ""), null, Now);
        course.AddThing(new ThingContent("Bloggar", "", [], 60, ""), null, Now);
        var round = Round.Plan(course.Publish(Now), Guid.NewGuid(), null, [], new DateOnly(2010, 2, 23), new DateOnly(2010, 8, 31), false, Now);
        round.Open(new DateOnly(2010, 2, 23), Now);
        round.ReleaseNext(new DateOnly(2010, 2, 23), Now);

        var dto = mapper.Map<RoundDto>(round);
        var schedule = mapper.Map<ScheduleDto>(round);

        (dto.ThingCount, dto.ReleasedCount).ShouldBe((2, 1));
        schedule.NextThingId.ShouldBe(round.Things[1].Id);
        schedule.Mode.ShouldBe(ScheduleMode.Manual);
        schedule.Things.Count.ShouldBe(2);
    }
}
