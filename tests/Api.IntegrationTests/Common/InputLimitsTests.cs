using System.Diagnostics;
using System.Net;
using System.Text;
using EnSakITaget.Api.IntegrationTests.Courses;
using EnSakITaget.Api.IntegrationTests.Participants;

namespace EnSakITaget.Api.IntegrationTests.Common;

/// <summary>Every input is bounded: too long, too many or out of range is a 400 naming the field, and changes nothing.</summary>
public sealed class InputLimitsTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Seventy_five_thousand_pauses_are_refused_at_once_naming_pauses_and_change_nothing()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var body = new StringBuilder("""{"mode":"Cadence","everyWeeks":3,"pauses":[""");
        for (var i = 0; i < 75_000; i++)
        {
            body.Append(i == 0 ? string.Empty : ",").Append("""{"from":"2010-06-01","to":"2010-06-02"}""");
        }

        var json = body.Append("]}").ToString();
        var before = await SnapshotDataAsync();

        var clock = Stopwatch.StartNew();
        var response = await Client.SendRawJsonAsync(HttpMethod.Put, $"{round.Url}/schedule", json);
        clock.Stop();

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "pauses");
        problem.GetProperty("errors").EnumerateObject().Count().ShouldBe(1, "an over-long list is one error, not one per item");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2), "the list is refused by its count, before anything is planned");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("PUT", "/schedule", """{"mode":"Cadence","everyWeeks":53}""", "everyWeeks")]
    [InlineData("PUT", "/schedule", """{"mode":"Cadence","everyWeeks":0}""", "everyWeeks")]
    [InlineData("PUT", "", """{"title":"Våren","kickOff":"2010-02-23","deadline":"2010-08-31","coordinatorIds":[{21 ids}]}""", "coordinatorIds")]
    [InlineData("POST", "/enrolments/{participant}/nudges", """{"message":"{2001 chars}"}""", "message")]
    [InlineData("PUT", "/survey", """{"isAnonymous":true,"opensWhen":"RoundClosed","questions":[{"kind":"FreeText","textSv":"{501 chars}","textEn":"Why?"}]}""", "questions[0].textSv")]
    [InlineData("PUT", "/survey", """{"isAnonymous":true,"opensWhen":"RoundClosed","questions":[{31 questions}]}""", "questions")]
    [InlineData("GET", "/progress?pageSize=1001", null, "pageSize")]
    [InlineData("GET", "/enrolments?page=0", null, "page")]
    [InlineData("GET", "/laggards?behindBy=1001", null, "behindBy")]
    public async Task A_round_request_beyond_its_bounds_answers_400_naming_the_field_and_changes_nothing(string method, string path, string? body, string field)
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var before = await SnapshotDataAsync();

        var url = round.Url + path.Replace("{participant}", anna.Id.ToString());
        var response = body is null
            ? await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url))
            : await Client.SendRawJsonAsync(new HttpMethod(method), url, Expand(body));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("""{"answers":[{"questionId":"{question}","rating":7}]}""", "answers[0].rating")]
    [InlineData("""{"answers":[{"questionId":"{question}","choice":20}]}""", "answers[0].choice")]
    [InlineData("""{"answers":[{"questionId":"{question}","text":"{4001 chars}"}]}""", "answers[0].text")]
    [InlineData("""{"answers":[{51 answers}]}""", "answers")]
    public async Task A_survey_answer_beyond_its_bounds_answers_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var before = await SnapshotDataAsync();

        var response = await anna.Client.SendRawJsonAsync(HttpMethod.Post, $"{round.Url}/survey/responses",
            Expand(body).Replace("{question}", Guid.NewGuid().ToString()));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("POST", "/api/v1/libraries", """{"type":"County","name":"{201 chars}","countyCode":"06"}""", "name")]
    [InlineData("POST", "/api/v1/libraries", """{"type":"County","name":"Län","countyCode":"06789"}""", "countyCode")]
    [InlineData("POST", "/api/v1/auth/login", """{"email":"{257 chars}","password":"x"}""", "email")]
    [InlineData("POST", "/api/v1/api-keys", """{"name":"{201 chars}","libraryId":"{guid}"}""", "name")]
    [InlineData("GET", "/api/v1/participants?search={101 chars}", null, "search")]
    [InlineData("GET", "/api/v1/users?pageSize=201", null, "pageSize")]
    [InlineData("GET", "/api/v1/statistics/libraries?pageSize=2001", null, "pageSize")]
    [InlineData("GET", "/api/v1/audit?entityType={101 chars}", null, "entityType")]
    public async Task Any_request_beyond_its_bounds_answers_400_naming_the_field_and_changes_nothing(string method, string url, string? body, string field)
    {
        var before = await SnapshotDataAsync();

        var response = body is null
            ? await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), Expand(url)))
            : await Client.SendRawJsonAsync(new HttpMethod(method), url, Expand(body));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("""{"title":"Bloggar","estimatedMinutes":1441}""", "estimatedMinutes")]
    [InlineData("""{"title":"Bloggar","estimatedMinutes":30,"position":201}""", "position")]
    [InlineData("""{"title":"Bloggar","estimatedMinutes":30,"links":[{21 links}]}""", "links")]
    [InlineData("""{"title":"Bloggar","estimatedMinutes":30,"instructions":"{20001 chars}"}""", "instructions")]
    public async Task A_thing_beyond_its_bounds_answers_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        var course = await Client.CreatePublishedCourseAsync((await Client.CreateTwoCountiesAsync()).Jonkoping);
        var before = await SnapshotDataAsync();

        var response = await Client.SendRawJsonAsync(HttpMethod.Post, $"/api/v1/courses/{course.Id}/things", Expand(body));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    /// <summary>Fills in <c>{N chars}</c>, <c>{N ids}</c>, <c>{N links}</c>, <c>{N questions}</c>, <c>{N answers}</c> and <c>{guid}</c>.</summary>
    private static string Expand(string template)
    {
        var result = template.Replace("{guid}", Guid.NewGuid().ToString());
        foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(template, @"\{(\d+) (\w+)\}"))
        {
            var count = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var items = Enumerable.Range(0, count);
            var text = match.Groups[2].Value switch
            {
                "chars" => new string('x', count),
                "ids" => string.Join(',', items.Select(_ => $"\"{Guid.NewGuid()}\"")),
                "links" => string.Join(',', items.Select(i => $"\"https://example.se/{i}\"")),
                "questions" => string.Join(',', items.Select(i => $$"""{"kind":"FreeText","textSv":"Fråga {{i}}","textEn":"Question {{i}}"}""")),
                "answers" => string.Join(',', items.Select(_ => $$"""{"questionId":"{{Guid.NewGuid()}}","text":"Svar"}""")),
                var other => throw new ArgumentException($"Unknown filler {other}."),
            };
            result = result.Replace(match.Value, text);
        }

        return result;
    }
}
