using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Application.Courses;

namespace EnSakITaget.Api.IntegrationTests.Courses;

/// <summary>Two people doing the same thing at once: one wins, the others are told to read again; nothing is lost, nothing answers 500.</summary>
public sealed class ConcurrentChangesTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Releasing_the_next_thing_eight_times_at_once_releases_one_thing_and_answers_409_to_the_rest()
    {
        Factory.Clock.SetLocal(new DateOnly(2010, 3, 1));
        var (round, _) = await ReportRound.CreateAsync(Client);
        await (await Client.PostAsync($"/api/v1/rounds/{round.Id}/open", null)).ShouldBeAsync<RoundDto>(HttpStatusCode.OK);
        var released = (await Client.ScheduleOnceAsync(round.Id, s => s.ReleasedCount == 1)).ReleasedCount;

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Client.PostAsync($"/api/v1/rounds/{round.Id}/release-next", null)));

        answers.Select(a => a.StatusCode).ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict);
        var wins = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
        wins.ShouldBeGreaterThanOrEqualTo(1);
        (await Client.ScheduleAsync(round.Id)).ReleasedCount.ShouldBe(released + wins);
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
}
