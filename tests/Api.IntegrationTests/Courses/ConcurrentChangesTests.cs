using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Application.Courses;

namespace EnSakITaget.Api.IntegrationTests.Courses;

/// <summary>Two people doing the same thing at once: one wins, the others are told to read again; nothing is lost, nothing answers 500.</summary>
public sealed class ConcurrentChangesTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Ten_coordinators_releasing_the_next_thing_at_once_release_exactly_one_thing()
    {
        var round = await OpenRoundWithOneThingOutAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Client.PostJsonAsync($"/api/v1/rounds/{round.Id}/release-next", new { expectedReleased = 1 })));

        answers.Select(a => a.StatusCode).ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict);
        answers.ShouldContain(a => a.StatusCode == HttpStatusCode.OK);
        (await Client.ScheduleAsync(round.Id)).ReleasedCount.ShouldBe(2);
        foreach (var answer in answers.Where(a => a.StatusCode == HttpStatusCode.OK))
        {
            (await answer.ShouldBeAsync<ScheduleDto>(HttpStatusCode.OK)).ReleasedCount.ShouldBe(2);
        }
    }

    [Fact]
    public async Task A_double_click_on_release_next_releases_one_thing_and_the_second_click_gets_the_first_answer()
    {
        var round = await OpenRoundWithOneThingOutAsync();

        var first = await (await Client.PostJsonAsync($"/api/v1/rounds/{round.Id}/release-next", new { expectedReleased = 1 }))
            .ShouldBeAsync<ScheduleDto>(HttpStatusCode.OK);
        var second = await (await Client.PostJsonAsync($"/api/v1/rounds/{round.Id}/release-next", new { expectedReleased = 1 }))
            .ShouldBeAsync<ScheduleDto>(HttpStatusCode.OK);

        second.ShouldBeEquivalentTo(first);
        (await Client.ScheduleAsync(round.Id)).ReleasedCount.ShouldBe(2);
    }

    [Fact]
    public async Task A_release_that_expects_an_older_count_answers_409_naming_expected_released_and_releases_nothing()
    {
        var round = await OpenRoundWithOneThingOutAsync();
        await (await Client.PostJsonAsync($"/api/v1/rounds/{round.Id}/release-next", new { expectedReleased = 1 })).ShouldBeAsync<ScheduleDto>(HttpStatusCode.OK);

        var stale = await (await Client.PostJsonAsync($"/api/v1/rounds/{round.Id}/release-next", new { expectedReleased = 0 }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        stale.GetProperty("errors").GetProperty("expectedReleased")[0].GetString()!.ShouldContain("2 things are released");
        (await Client.ScheduleAsync(round.Id)).ReleasedCount.ShouldBe(2);
    }

    [Fact]
    public async Task A_release_that_names_no_expected_count_answers_400_naming_the_field()
    {
        var round = await OpenRoundWithOneThingOutAsync();

        var problem = await (await Client.PostJsonAsync($"/api/v1/rounds/{round.Id}/release-next", new { }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").TryGetProperty("expectedReleased", out _).ShouldBeTrue();
        (await Client.ScheduleAsync(round.Id)).ReleasedCount.ShouldBe(1);
    }

    [Fact]
    public async Task Adding_things_at_once_keeps_every_thing_that_was_answered_201()
    {
        var (county, _, _) = await Libraries.LibraryBuilder.CreateSmallTreeAsync(Client);
        var course = await (await Client.PostJsonAsync("/api/v1/courses", new { countyId = county.Id, title = "Sociala medier", language = "sv" }))
            .ShouldBeAsync<CourseDto>(HttpStatusCode.Created);

        var answers = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            Client.PostJsonAsync($"/api/v1/courses/{course.Id}/things", new { title = $"Sak {i}", estimatedMinutes = 30 })));

        answers.Select(a => a.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Created || s == HttpStatusCode.Conflict);
        var read = await (await Client.GetAsync($"/api/v1/courses/{course.Id}")).ShouldBeAsync<CourseDto>(HttpStatusCode.OK);
        read.Things.Count.ShouldBe(answers.Count(a => a.StatusCode == HttpStatusCode.Created));
    }

    /// <summary>The report's round, open on its kick-off, the scheduler having released the first thing.</summary>
    private async Task<RoundDto> OpenRoundWithOneThingOutAsync()
    {
        Factory.Clock.SetLocal(new DateOnly(2010, 3, 1));
        var (round, _) = await ReportRound.CreateAsync(Client);
        await (await Client.PostAsync($"/api/v1/rounds/{round.Id}/open", null)).ShouldBeAsync<RoundDto>(HttpStatusCode.OK);
        await Client.ScheduleOnceAsync(round.Id, s => s.ReleasedCount == 1);
        return round;
    }
}
