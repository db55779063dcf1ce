using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Courses;

namespace EnSakITaget.Api.IntegrationTests.Courses;

/// <summary>The report's round, built through the API: eight things, kick-off 23 February 2010, a thing every three weeks, nothing over the summer, done by the end of August.</summary>
public static class ReportRound
{
    public static readonly DateOnly KickOff = new(2010, 2, 23);
    public static readonly DateOnly Deadline = new(2010, 8, 31);
    public static readonly object SummerPause = new { from = "2010-06-21", to = "2010-08-08" };

    public static readonly string[] Things =
        ["Lärplattformen", "Bloggar", "Facebook", "Google", "Wikipedia", "Biblioteket", "Bild & film", "Musik"];

    /// <summary>Every three weeks from the kick-off; the seventh falls in the summer pause and waits for its end.</summary>
    public static readonly DateOnly[] PlannedDates =
    [
        new(2010, 2, 23), new(2010, 3, 16), new(2010, 4, 6), new(2010, 4, 27),
        new(2010, 5, 18), new(2010, 6, 8), new(2010, 8, 9), new(2010, 8, 30),
    ];

    /// <summary>Plans are made before the kick-off: set the clock there first, a plan never puts a release in the past.</summary>
    /// <returns>The round, planned and still a draft, and its municipality.</returns>
    public static async Task<(RoundDto Round, Guid Municipality)> CreateAsync(HttpClient admin, bool workAheadAllowed = false, string? instructions = null)
    {
        var (county, varnamo, _) = await admin.CreateSmallTreeAsync();
        var course = await (await admin.PostJsonAsync("/api/v1/courses", new { countyId = county.Id, title = "Sociala medier", language = "sv" }))
            .ShouldBeAsync<CourseDto>(HttpStatusCode.Created);
        foreach (var title in Things)
        {
            await (await admin.PostJsonAsync($"/api/v1/courses/{course.Id}/things", new { title, instructions, estimatedMinutes = 45 }))
                .ShouldBeAsync<ThingDto>(HttpStatusCode.Created);
        }

        await (await admin.PostAsync($"/api/v1/courses/{course.Id}/publish", null)).ShouldBeAsync<CourseDto>(HttpStatusCode.OK);
        var round = await (await admin.PostJsonAsync("/api/v1/rounds", new
            {
                courseId = course.Id, homeLibraryId = varnamo.Id, title = "Sociala medier – Värnamo 2010",
                kickOff = KickOff, deadline = Deadline, workAheadAllowed,
            }))
            .ShouldBeAsync<RoundDto>(HttpStatusCode.Created);
        await (await admin.PutJsonAsync($"/api/v1/rounds/{round.Id}/schedule", new { mode = "Cadence", everyWeeks = 3, pauses = new[] { SummerPause } }))
            .ShouldBeAsync<ScheduleDto>(HttpStatusCode.OK);
        return (round, varnamo.Id);
    }

    public static async Task<ScheduleDto> ScheduleAsync(this HttpClient client, Guid roundId) =>
        await (await client.GetAsync($"/api/v1/rounds/{roundId}/schedule")).ShouldBeAsync<ScheduleDto>(HttpStatusCode.OK);

    /// <summary>Waits for the scheduler, which ticks every second in the tests, to bring the schedule to the expected state.</summary>
    public static async Task<ScheduleDto> ScheduleOnceAsync(this HttpClient client, Guid roundId, Func<ScheduleDto, bool> expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var schedule = await client.ScheduleAsync(roundId);
        while (!expected(schedule) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            schedule = await client.ScheduleAsync(roundId);
        }

        return schedule;
    }
}
