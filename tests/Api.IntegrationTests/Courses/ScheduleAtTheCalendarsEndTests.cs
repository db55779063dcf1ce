using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;

namespace EnSakITaget.Api.IntegrationTests.Courses;

/// <summary>Dates at the calendar's end (9999-12-31) in a plan are a refused plan, not an overflow and a 500.</summary>
public sealed class ScheduleAtTheCalendarsEndTests(ApiFactory factory) : ApiTest(factory)
{
    [Theory]
    [InlineData("2010-03-01", "9999-12-31")]
    [InlineData("0001-01-01", "9999-12-31")]
    public async Task A_pause_until_the_end_of_the_calendar_answers_409_and_keeps_the_plan(string from, string to)
    {
        Factory.Clock.SetLocal(new DateOnly(2010, 2, 1));
        var (round, _) = await ReportRound.CreateAsync(Client);
        var before = await SnapshotDataAsync();

        var response = await Client.PutJsonAsync($"/api/v1/rounds/{round.Id}/schedule",
            new { mode = "Cadence", everyWeeks = 3, pauses = new[] { new { from, to } } });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("after the deadline 2010-08-31");
        (await SnapshotDataAsync()).ShouldBe(before);
    }
}
