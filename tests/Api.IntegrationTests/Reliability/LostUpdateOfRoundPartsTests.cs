using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Community;
using EnSakITaget.Api.IntegrationTests.Courses;
using EnSakITaget.Api.IntegrationTests.Participants;
using EnSakITaget.Application.Community;
using EnSakITaget.Application.Courses;
using EnSakITaget.Application.Feedback;

namespace EnSakITaget.Api.IntegrationTests.Reliability;

/// <summary>
/// No lost updates on what belongs to a round (Courses/LostUpdateTests has courses, things and
/// rounds): a round's schedule, its survey, a blog post and a comment each answer with a strong
/// ETag, and a change whose If-Match no longer holds answers 412 and keeps the first change.
/// </summary>
public sealed class LostUpdateOfRoundPartsTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Of_two_coordinators_who_plan_the_same_schedule_from_one_reading_the_second_is_told_412_and_the_first_plan_stays()
    {
        var world = await Client.CreateTwoCountiesAsync();
        var course = await Client.CreatePublishedCourseAsync(world.Jonkoping);
        var kickOff = Factory.Clock.Today().AddDays(14);
        var round = await Client.CreateRoundAsync(course.Id, world.Varnamo, kickOff, kickOff.AddDays(120));
        var read = await Client.GetAsync($"/api/v1/rounds/{round.Id}/schedule");
        var tag = read.Headers.ETag.ShouldNotBeNull().Tag;

        var first = await Client.SendAsync(Change(HttpMethod.Put, $"/api/v1/rounds/{round.Id}/schedule", new { mode = "Cadence", everyWeeks = 2 }, tag));
        var second = await Client.SendAsync(Change(HttpMethod.Put, $"/api/v1/rounds/{round.Id}/schedule", new { mode = "Cadence", everyWeeks = 3 }, tag));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.ETag.ShouldNotBeNull().Tag.ShouldNotBe(tag);
        var problem = await second.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        problem.GetProperty("currentETag").GetString().ShouldBe(first.Headers.ETag.Tag);
        (await (await Client.GetAsync($"/api/v1/rounds/{round.Id}/schedule")).ShouldBeAsync<ScheduleDto>(HttpStatusCode.OK)).EveryWeeks.ShouldBe(2);
    }

    [Fact]
    public async Task Of_two_coordinators_who_change_the_same_survey_from_one_reading_the_second_is_told_412_and_the_first_change_stays()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        (await Client.PutJsonAsync($"{round.Url}/survey", Survey(anonymous: true, "Vad var bra?"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var read = await Client.GetAsync($"{round.Url}/survey");
        var tag = read.Headers.ETag.ShouldNotBeNull().Tag;

        var first = await Client.SendAsync(Change(HttpMethod.Put, $"{round.Url}/survey", Survey(anonymous: false, "Vad var bäst?"), tag));
        var second = await Client.SendAsync(Change(HttpMethod.Put, $"{round.Url}/survey", Survey(anonymous: true, "Vad saknades?"), tag));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        await second.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var now = await (await Client.GetAsync($"{round.Url}/survey")).ShouldBeAsync<SurveyDto>(HttpStatusCode.OK);
        now.IsAnonymous.ShouldBeFalse();
        now.Questions.ShouldHaveSingleItem().TextSv.ShouldBe("Vad var bäst?");
        read.Headers.ETag.IsWeak.ShouldBeFalse();
    }

    [Fact]
    public async Task An_author_editing_a_post_in_two_windows_is_told_412_in_the_second_and_the_first_edit_stays()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var post = await anna.WriteAsync(round, "Min blogg", "Första versionen");
        var tag = (await anna.Client.GetAsync($"{round.Url}/posts/{post.Id}")).Headers.ETag.ShouldNotBeNull().Tag;

        var first = await anna.Client.SendAsync(Change(HttpMethod.Put, $"{round.Url}/posts/{post.Id}", new { title = "Min blogg", body = "Från fönster ett" }, tag));
        var second = await anna.Client.SendAsync(Change(HttpMethod.Put, $"{round.Url}/posts/{post.Id}", new { title = "Min blogg", body = "Från fönster två" }, tag));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.ETag.ShouldNotBeNull().Tag.ShouldNotBe(tag);
        await second.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var now = await (await anna.Client.GetAsync($"{round.Url}/posts/{post.Id}")).ShouldBeAsync<PostDto>(HttpStatusCode.OK);
        now.Body.ShouldBe("Från fönster ett");
        now.Edits.ShouldBe(1);
    }

    [Fact]
    public async Task A_comment_edited_with_the_tag_of_its_last_edit_is_saved_and_with_an_older_one_is_told_412()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var bo = await round.EnrolAsync("Bo Ström");
        var post = await anna.WriteAsync(round, "Min blogg", "Jag har startat en blogg.");
        var comment = await (await bo.Client.PostJsonAsync($"{round.Url}/posts/{post.Id}/comments", new { body = "Snyggt!" }))
            .ShouldBeAsync<CommentDto>(HttpStatusCode.Created);
        var url = $"{round.Url}/posts/{post.Id}/comments/{comment.Id}";
        var edited = await bo.Client.PutJsonAsync(url, new { body = "Snyggt, Anna!" });
        var tag = edited.Headers.ETag.ShouldNotBeNull().Tag;

        var first = await bo.Client.SendAsync(Change(HttpMethod.Put, url, new { body = "Snyggt, Anna! Jag ska prova." }, tag));
        var second = await bo.Client.SendAsync(Change(HttpMethod.Put, url, new { body = "Bra." }, tag));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        await second.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var comments = await (await bo.Client.GetAsync($"{round.Url}/posts/{post.Id}/comments"))
            .ShouldBeAsync<EnSakITaget.Application.Common.Paging.PagedList<CommentDto>>(HttpStatusCode.OK);
        comments.Items.ShouldHaveSingleItem().BodyHtml.ShouldBe("<p>Snyggt, Anna! Jag ska prova.</p>");
    }

    private static object Survey(bool anonymous, string question) => new
    {
        isAnonymous = anonymous,
        opensWhen = "RoundClosed",
        questions = new object[] { new { kind = "FreeText", textSv = question, textEn = "What?" } },
    };

    private static HttpRequestMessage Change(HttpMethod method, string url, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        return request;
    }
}
