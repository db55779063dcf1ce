using System.Net;
using System.Text;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Courses;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Participants;
using EnSakITaget.Domain.Identity;

namespace EnSakITaget.Api.IntegrationTests.Service;

/// <summary>A body that is missing, is not JSON, or cannot be decoded is the client's to fix: a 4xx that says so, never a 500.</summary>
public sealed class RequestBodyTests(ApiFactory factory) : ApiTest(factory)
{
    [Theory]
    [InlineData("POST", "/api/v1/participants", "")]
    [InlineData("POST", "/api/v1/participants", "null")]
    [InlineData("PUT", "/api/v1/participants/{staff}", "")]
    [InlineData("POST", "/api/v1/libraries", "")]
    [InlineData("POST", "/api/v1/auth/login", "")]
    [InlineData("POST", "/api/v1/auth/refresh", "null")]
    public async Task A_missing_body_answers_400_saying_the_body_is_required_and_changes_nothing(string method, string url, string json)
    {
        var staff = await StaffMemberAsync();
        var before = await SnapshotDataAsync();

        var response = await Client.SendRawJsonAsync(new HttpMethod(method), url.Replace("{staff}", staff.Id.ToString(), StringComparison.Ordinal), json);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("title").GetString().ShouldBe("The request body is required.");
        problem.ToString().ShouldNotContain("Implicit body");
        problem.ToString().ShouldNotContain("parameter");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_request_without_any_body_or_content_type_answers_400_saying_the_body_is_required()
    {
        var problem = await (await Client.PostAsync("/api/v1/participants", content: null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("title").GetString().ShouldBe("The request body is required.");
    }

    [Theory]
    [InlineData("/api/v1/auth/login", "text/plain", "email=anna.ek@varnamo.example.se")]
    [InlineData("/api/v1/auth/login", "application/x-www-form-urlencoded", "email=anna.ek%40varnamo.example.se&password=Provlosen-2010")]
    [InlineData("/api/v1/auth/login", "application/xml", "<login><email>anna.ek@varnamo.example.se</email></login>")]
    [InlineData("/api/v1/auth/refresh", "text/plain", "refreshToken")]
    [InlineData("/api/v1/auth/refresh", "application/x-www-form-urlencoded", "refreshToken=abc")]
    public async Task A_body_that_is_not_json_on_login_and_refresh_answers_415_as_everywhere_else(string url, string contentType, string body)
    {
        var user = await Factory.CreateUserAsync("anna.ek@varnamo.example.se", (Role.Coordinator, (await Client.CreateSmallTreeAsync()).Municipality.Id));
        var before = await SnapshotDataAsync();

        var response = await Factory.CreateClient().PostAsync(url, new StringContent(body, Encoding.UTF8, contentType));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        (await SnapshotDataAsync()).ShouldBe(before, "a refused body is no failed sign-in either");
        (await Factory.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_body_that_is_not_json_answers_415_on_a_signed_in_endpoint_too()
    {
        var response = await Client.PostAsync("/api/v1/participants", new StringContent("name=Anna", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_anonymous_caller_still_gets_401_for_a_json_body_on_a_guarded_endpoint()
    {
        var response = await Factory.CreateClient().PostJsonAsync("/api/v1/participants", new { name = "Anna Ek" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("application/json; charset=klingon")]
    [InlineData("application/json; charset=\"utf-99\"")]
    public async Task A_body_in_a_charset_nobody_knows_answers_415_and_saves_nothing(string contentType)
    {
        var staff = await StaffMemberAsync();
        var before = await SnapshotDataAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($$"""{"name":"Anna Ek","email":"anna.ek@varnamo.example.se","unitId":"{{staff.UnitId}}"}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType).ShouldBeTrue();

        var problem = await (await Client.PostAsync("/api/v1/participants", content)).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);

        problem.GetProperty("detail").GetString()!.ShouldContain("UTF-8");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_roster_file_keeps_its_charset_to_itself()
    {
        await Client.CreateUnitAsync((await Client.CreateSmallTreeAsync()).Municipality.Id, "Branch", "Horda bibliotek", 1);
        var content = new ByteArrayContent(Encoding.Latin1.GetBytes("Namn;E-post;Enhet\nÅsa Ek;asa.ek@varnamo.example.se;Horda bibliotek\n"));
        content.Headers.TryAddWithoutValidation("Content-Type", "text/csv; charset=windows-1252").ShouldBeTrue();

        var response = await Client.PostAsync("/api/v1/participants/import?dryRun=true", content);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_quoted_utf8_charset_is_read_as_utf8()
    {
        var unit = (await Client.CreateSmallTreeAsync()).Branch.Id;
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($$"""{"name":"Åsa Ek","email":"asa.ek@varnamo.example.se","unitId":"{{unit}}"}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=\"utf-8\"").ShouldBeTrue();

        var created = await (await Client.PostAsync("/api/v1/participants", content)).ShouldBeAsync<StaffMemberDto>(HttpStatusCode.Created);

        created.Name.ShouldBe("Åsa Ek");
    }

    [Theory]
    [InlineData("multipart/form-data", "Namn;E-post")]
    [InlineData("multipart/form-data; boundary=grans", "--grans\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\n\r\nNamn;E-")]
    public async Task A_multipart_form_that_cannot_be_read_answers_400_and_imports_nothing(string contentType, string body)
    {
        await StaffMemberAsync();
        var before = await SnapshotDataAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType).ShouldBeTrue();

        var problem = await (await Client.PostAsync("/api/v1/participants/import", content)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("detail").GetString()!.ShouldContain("form");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("PUT", "/api/v1/rounds/{round}/schedule", """{"mode":"Cadence","everyWeeks":3,"pauses":[{"from":"2010-06-21","to":"2010-08-08"},null]}""", "pauses[1]")]
    [InlineData("PUT", "/api/v1/rounds/{round}/schedule", """{"mode":"Dates","dates":[null]}""", "dates[0]")]
    [InlineData("PUT", "/api/v1/rounds/{round}/survey", """{"isAnonymous":true,"opensWhen":"RoundClosed","questions":[null]}""", "questions[0]")]
    [InlineData("PUT", "/api/v1/rounds/{round}/survey", """{"isAnonymous":true,"opensWhen":"RoundClosed","questions":[{"kind":"SingleChoice","textSv":"Hur?","textEn":"How?","optionsSv":["Egen takt",null],"optionsEn":["Own pace","Sessions"]}]}""", "questions[0].optionsSv[1]")]
    [InlineData("POST", "/api/v1/users", """{"email":"ny@varnamo.example.se","displayName":"Ny","password":"Provlosen-2010","roles":[null]}""", "roles[0]")]
    public async Task A_list_with_null_for_an_item_answers_400_naming_the_item_and_saves_nothing(string method, string url, string json, string field)
    {
        Factory.Clock.SetLocal(new DateOnly(2010, 2, 1));
        var (round, _) = await ReportRound.CreateAsync(Client);
        var before = await SnapshotDataAsync();

        var response = await Client.SendRawJsonAsync(new HttpMethod(method), url.Replace("{round}", round.Id.ToString(), StringComparison.Ordinal), json);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("""{"name":"Anna Ek","email":"anna.ek@varnamo.example.se","unitId":"inte-ett-id"}""", "unitId")]
    [InlineData("""{"name":"Anna Ek","email":"anna.ek@varnamo.example.se","unitId":"{unit}","isManager":99999999999999999999}""", "isManager")]
    public async Task A_value_of_the_wrong_shape_in_a_body_answers_400_naming_the_field(string json, string field)
    {
        var unit = (await Client.CreateSmallTreeAsync()).Branch.Id;

        var response = await Client.SendRawJsonAsync(HttpMethod.Post, "/api/v1/participants", json.Replace("{unit}", unit.ToString(), StringComparison.Ordinal));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_number_too_large_for_its_field_answers_400_naming_it()
    {
        var municipality = (await Client.CreateSmallTreeAsync()).Municipality.Id;

        var response = await Client.SendRawJsonAsync(HttpMethod.Post, "/api/v1/libraries",
            $$"""{"type":"Branch","name":"Horda bibliotek","parentId":"{{municipality}}","staffCount":2147483648}""");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "staffCount");
    }

    private async Task<StaffMemberDto> StaffMemberAsync()
    {
        var unit = (await Client.CreateSmallTreeAsync()).Branch.Id;
        return await (await Client.PostJsonAsync("/api/v1/participants", new { name = "Bo Ström", email = "bo.strom@varnamo.example.se", unitId = unit }))
            .ShouldBeAsync<StaffMemberDto>(HttpStatusCode.Created);
    }
}
