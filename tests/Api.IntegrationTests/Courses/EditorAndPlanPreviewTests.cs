using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Courses;
using EnSakITaget.Application.Courses.ListCourseVersions;
using EnSakITaget.Application.Courses.PreviewInstructions;

namespace EnSakITaget.Api.IntegrationTests.Courses;

/// <summary>What the web app's course editor and round form ask of the API beside the plain changes: a safe preview, the versions, and a plan before the round exists.</summary>
public sealed class EditorAndPlanPreviewTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task The_instructions_preview_is_the_safe_html_participants_see_and_saves_nothing()
    {
        var before = await SnapshotDataAsync();

        var preview = await (await Client.PostJsonAsync("/api/v1/courses/instructions-preview",
                new { markdown = "## Gör så här\n\n*Logga in* <script>alert(1)</script> [här](javascript:alert(2))" }))
            .ShouldBeAsync<InstructionsPreviewDto>(HttpStatusCode.OK);

        preview.Html.ShouldContain("<em>Logga in</em>");
        preview.Html.ShouldNotContain("<script");
        preview.Html.ShouldNotContain("javascript:");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_course_lists_its_published_versions_newest_first_with_the_rounds_that_run_each()
    {
        Factory.Clock.SetLocal(new DateOnly(2010, 2, 1));
        var (round, _) = await ReportRound.CreateAsync(Client);
        await (await Client.PutJsonAsync($"/api/v1/courses/{round.CourseId}", new { title = "Sociala medier", description = "Andra upplagan", language = "sv" }))
            .ShouldBeAsync<CourseDto>(HttpStatusCode.OK);
        await (await Client.PostAsync($"/api/v1/courses/{round.CourseId}/publish", null)).ShouldBeAsync<CourseDto>(HttpStatusCode.OK);

        var versions = await (await Client.GetAsync($"/api/v1/courses/{round.CourseId}/versions"))
            .ShouldBeAsync<List<CourseVersionDto>>(HttpStatusCode.OK);

        versions.Select(v => (v.Version, v.ThingCount, v.RoundCount)).ShouldBe([(2, 8, 0), (1, 8, 1)]);
    }

    [Fact]
    public async Task A_plan_preview_shows_the_dates_a_round_would_get_with_its_summer_pause_and_saves_nothing()
    {
        Factory.Clock.SetLocal(new DateOnly(2010, 2, 1));
        var (course, varnamo) = await PublishedCourseAsync();
        var before = await SnapshotDataAsync();

        var plan = await (await Client.PostJsonAsync("/api/v1/rounds/plan-preview", new
            {
                courseId = course, homeLibraryId = varnamo, kickOff = ReportRound.KickOff, deadline = ReportRound.Deadline,
                mode = "Cadence", everyWeeks = 3, pauses = new[] { ReportRound.SummerPause },
            }))
            .ShouldBeAsync<ScheduleDto>(HttpStatusCode.OK);

        plan.Things.Select(t => t.PlannedDate!.Value).ShouldBe(ReportRound.PlannedDates);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData(4, "2010-08-31", "deadline")]
    [InlineData(3, "2010-02-01", "deadline")]
    [InlineData(0, "2010-08-31", "everyWeeks")]
    public async Task An_impossible_plan_is_refused_naming_the_field_to_change(int everyWeeks, string deadline, string field)
    {
        Factory.Clock.SetLocal(new DateOnly(2010, 2, 1));
        var (course, varnamo) = await PublishedCourseAsync();

        var response = await Client.PostJsonAsync("/api/v1/rounds/plan-preview", new
        {
            courseId = course, homeLibraryId = varnamo, kickOff = ReportRound.KickOff, deadline,
            mode = "Cadence", everyWeeks, pauses = new[] { ReportRound.SummerPause },
        });

        var problem = await response.ShouldBeProblemAsync(everyWeeks == 0 ? HttpStatusCode.BadRequest : HttpStatusCode.Conflict, field);
        problem.GetProperty("errors").GetProperty(field)[0].GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Dates_out_of_turn_in_a_plan_preview_name_the_dates()
    {
        Factory.Clock.SetLocal(new DateOnly(2010, 2, 1));
        var (course, varnamo) = await PublishedCourseAsync();
        var things = await (await Client.GetAsync($"/api/v1/courses/{course}")).ShouldBeAsync<CourseDto>(HttpStatusCode.OK);
        var dates = things.Things.Select((t, i) => new { thingId = t.Id, date = ReportRound.KickOff.AddDays(7 * (things.Things.Count - i)) });

        var response = await Client.PostJsonAsync("/api/v1/rounds/plan-preview", new
        {
            courseId = course, homeLibraryId = varnamo, kickOff = ReportRound.KickOff, deadline = ReportRound.Deadline, mode = "Dates", dates,
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "dates");
        problem.GetProperty("detail").GetString()!.ShouldContain("one thing at a time");
    }

    private async Task<(Guid Course, Guid Varnamo)> PublishedCourseAsync()
    {
        var (county, varnamo, _) = await Client.CreateSmallTreeAsync();
        var course = await (await Client.PostJsonAsync("/api/v1/courses", new { countyId = county.Id, title = "Sociala medier", language = "sv" }))
            .ShouldBeAsync<CourseDto>(HttpStatusCode.Created);
        foreach (var title in ReportRound.Things)
        {
            await (await Client.PostJsonAsync($"/api/v1/courses/{course.Id}/things", new { title, estimatedMinutes = 45 }))
                .ShouldBeAsync<ThingDto>(HttpStatusCode.Created);
        }

        await (await Client.PostAsync($"/api/v1/courses/{course.Id}/publish", null)).ShouldBeAsync<CourseDto>(HttpStatusCode.OK);
        return (course.Id, varnamo.Id);
    }
}
