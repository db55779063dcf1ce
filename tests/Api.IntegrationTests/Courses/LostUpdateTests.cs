using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Application.Courses;

namespace EnSakITaget.Api.IntegrationTests.Courses;

/// <summary>
/// No lost updates: a single resource answers with its revision as a strong ETag, and a change
/// whose If-Match no longer holds is refused with 412 instead of overwriting someone else's.
/// </summary>
public sealed class LostUpdateTests(ApiFactory factory) : ApiTest(factory)
{
    private const string CoursesUrl = "/api/v1/courses";

    [Fact]
    public async Task Reading_a_course_gives_a_strong_etag_and_a_change_answers_with_the_next_one()
    {
        var course = await NewCourseAsync();

        var read = await Client.GetAsync($"{CoursesUrl}/{course.Id}");
        var changed = await Client.SendAsync(Put($"{CoursesUrl}/{course.Id}", CourseBody("Nytt namn"), read.Headers.ETag!.Tag));

        read.Headers.ETag.ShouldNotBeNull().IsWeak.ShouldBeFalse();
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        changed.Headers.ETag.ShouldNotBeNull().IsWeak.ShouldBeFalse();
        changed.Headers.ETag.Tag.ShouldNotBe(read.Headers.ETag.Tag);
        (await Client.GetAsync($"{CoursesUrl}/{course.Id}")).Headers.ETag!.Tag.ShouldBe(changed.Headers.ETag.Tag);
    }

    [Fact]
    public async Task Of_two_editors_who_read_the_same_course_the_second_change_answers_412_and_the_first_is_kept()
    {
        var course = await NewCourseAsync();
        var tag = (await Client.GetAsync($"{CoursesUrl}/{course.Id}")).Headers.ETag!.Tag;

        var first = await Client.SendAsync(Put($"{CoursesUrl}/{course.Id}", CourseBody("Den första ändringen"), tag));
        var second = await Client.SendAsync(Put($"{CoursesUrl}/{course.Id}", CourseBody("Den andra ändringen"), tag));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var problem = await second.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        problem.GetProperty("detail").GetString()!.ShouldContain("changed since you read it");
        problem.GetProperty("currentETag").GetString().ShouldBe(first.Headers.ETag!.Tag);
        (await (await Client.GetAsync($"{CoursesUrl}/{course.Id}")).ShouldBeAsync<CourseDto>(HttpStatusCode.OK)).Title.ShouldBe("Den första ändringen");
    }

    [Fact]
    public async Task A_stale_if_match_on_removing_a_thing_answers_412_and_the_thing_stays()
    {
        var course = await NewCourseAsync();
        var withThing = await Client.AddThingAsync(course.Id, "Bloggar");
        var thing = withThing.Things.ShouldHaveSingleItem();
        var stale = (await Client.GetAsync($"{CoursesUrl}/{course.Id}/things/{thing.Id}")).Headers.ETag!.Tag;
        await Client.AddThingAsync(course.Id, "RSS");

        var removal = new HttpRequestMessage(HttpMethod.Delete, $"{CoursesUrl}/{course.Id}/things/{thing.Id}");
        removal.Headers.IfMatch.Add(new EntityTagHeaderValue(stale));
        await (await Client.SendAsync(removal)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        (await (await Client.GetAsync($"{CoursesUrl}/{course.Id}")).ShouldBeAsync<CourseDto>(HttpStatusCode.OK)).Things.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_weak_tag_never_matches_and_a_star_matches_whatever_the_revision()
    {
        var course = await NewCourseAsync();
        var tag = (await Client.GetAsync($"{CoursesUrl}/{course.Id}")).Headers.ETag!.Tag;

        var weak = new HttpRequestMessage(HttpMethod.Put, $"{CoursesUrl}/{course.Id}") { Content = JsonContent.Create(CourseBody("Svag")) };
        weak.Headers.IfMatch.Add(new EntityTagHeaderValue(tag, isWeak: true));
        await (await Client.SendAsync(weak)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var star = new HttpRequestMessage(HttpMethod.Put, $"{CoursesUrl}/{course.Id}") { Content = JsonContent.Create(CourseBody("Vad som helst")) };
        star.Headers.IfMatch.Add(EntityTagHeaderValue.Any);
        (await Client.SendAsync(star)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_change_without_if_match_is_applied_to_what_the_resource_is_now()
    {
        var course = await NewCourseAsync();
        await Client.PutJsonAsync($"{CoursesUrl}/{course.Id}", CourseBody("Först"));

        var answer = await Client.PutJsonAsync($"{CoursesUrl}/{course.Id}", CourseBody("Sedan"));

        (await answer.ShouldBeAsync<CourseDto>(HttpStatusCode.OK)).Title.ShouldBe("Sedan");
        answer.Headers.ETag.ShouldNotBeNull();
    }

    [Fact]
    public async Task Two_coordinators_changing_a_round_from_the_same_reading_lose_nothing_the_second_is_told_412()
    {
        var world = await Client.CreateTwoCountiesAsync();
        var course = await Client.CreatePublishedCourseAsync(world.Jonkoping);
        var kickOff = Factory.Clock.Today().AddDays(14);
        var round = await Client.CreateRoundAsync(course.Id, world.Varnamo, kickOff, kickOff.AddDays(120));
        var tag = (await Client.GetAsync($"/api/v1/rounds/{round.Id}")).Headers.ETag!.Tag;

        var first = await Client.SendAsync(Put($"/api/v1/rounds/{round.Id}", new { title = "Våren", kickOff, deadline = kickOff.AddDays(120) }, tag));
        var second = await Client.SendAsync(Put($"/api/v1/rounds/{round.Id}", new { title = round.Title, kickOff, deadline = kickOff.AddDays(90) }, tag));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        await second.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var now = await (await Client.GetAsync($"/api/v1/rounds/{round.Id}")).ShouldBeAsync<RoundDto>(HttpStatusCode.OK);
        now.Title.ShouldBe("Våren");
        now.Deadline.ShouldBe(kickOff.AddDays(120));
    }

    private async Task<CourseDto> NewCourseAsync()
    {
        var world = await Client.CreateTwoCountiesAsync();
        return await Client.CreateCourseAsync(world.Jonkoping);
    }

    private static object CourseBody(string title) => new { title, description = "Lär dig nya verktyg.", language = "sv" };

    private static HttpRequestMessage Put(string url, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        return request;
    }
}
