using System.Net;
using System.Text;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Courses;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Libraries;
using EnSakITaget.Application.Participants;

namespace EnSakITaget.Api.IntegrationTests.Service;

/// <summary>
/// Text PostgreSQL cannot keep (U+0000, half of a surrogate pair) is refused where it comes in, as a
/// field error, before anything is saved: it used to reach the database and come back as a 500 (22021).
/// </summary>
public sealed class UnstorableTextTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Refusal = "cannot be stored";

    public static TheoryData<string, string, string, string> BodiesWithUnstorableText() => new()
    {
        // method, url, JSON (\u escapes are JSON's own), the field named
        { "POST", "/api/v1/participants", """{"name":"Anna\u0000Ek","email":"anna.ek@varnamo.example.se","unitId":"{unit}"}""", "name" },
        { "PUT", "/api/v1/participants/{staff}", """{"name":"Anna Ek","email":"anna.ek@varnamo.example.se","unitId":"{unit}","title":"Bibliotekarie\u0000"}""", "title" },
        { "POST", "/api/v1/libraries", """{"type":"Municipality","name":"Gnosjö\u0000","parentId":"{county}","municipalityCode":"0617"}""", "name" },
        { "POST", "/api/v1/courses/{course}/things", """{"title":"Bloggar","links":["https://example.se/ett","https://example.se/\u0000"]}""", "links[1]" },
        { "PUT", "/api/v1/rounds/{round}/survey", """{"isAnonymous":true,"opensWhen":"RoundClosed","questions":[{"kind":"SingleChoice","textSv":"Hur vill du lära dig?","textEn":"How?","optionsSv":["Egen takt","Kurs\u0000tillfällen"],"optionsEn":["Own pace","Sessions"]}]}""", "questions[0].optionsSv[1]" },
        { "POST", "/api/v1/auth/login", """{"email":"anna.ek@varnamo.example.se\u0000","password":"Provlosen-2010"}""", "email" },
        { "POST", "/api/v1/participants", """{"name":"Anna \ud800 Ek","email":"anna.ek@varnamo.example.se","unitId":"{unit}"}""", "name" },
        { "POST", "/api/v1/participants", """{"name":"Anna \udc00 Ek","email":"anna.ek@varnamo.example.se","unitId":"{unit}"}""", "name" },
        { "POST", "/api/v1/participants", """{"name":"Anna \ud83d","email":"anna.ek@varnamo.example.se","unitId":"{unit}"}""", "name" },
    };

    [Theory]
    [MemberData(nameof(BodiesWithUnstorableText))]
    public async Task Unstorable_text_in_any_field_of_a_body_answers_400_naming_the_field_and_saves_nothing(string method, string url, string json, string field)
    {
        var world = await WorldAsync(withRound: url.Contains("{round}", StringComparison.Ordinal));
        var before = await SnapshotDataAsync();

        var response = await Client.SendRawJsonAsync(new HttpMethod(method), world.Fill(url), world.Fill(json));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        problem.GetProperty("errors").GetProperty(field)[0].GetString()!.ShouldContain(Refusal);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_in_a_body_answer_400_naming_the_field_and_save_nothing()
    {
        var world = await WorldAsync(withRound: false);
        var before = await SnapshotDataAsync();
        var body = Encoding.UTF8.GetBytes(world.Fill("""{"name":"Anna #Ek","email":"anna.ek@varnamo.example.se","unitId":"{unit}"}"""));
        // An encoded lone surrogate, ED A0 80: no UTF-8 decoder accepts it.
        var at = Array.IndexOf(body, (byte)'#');
        byte[] bytes = [.. body[..at], 0xED, 0xA0, 0x80, .. body[(at + 1)..]];
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");

        var response = await Client.PostAsync("/api/v1/participants", content);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "name");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Characters_beyond_the_basic_plane_are_kept_as_they_were_sent()
    {
        var world = await WorldAsync(withRound: false);

        var created = await (await Client.SendRawJsonAsync(HttpMethod.Post, "/api/v1/participants",
                world.Fill("""{"name":"Anna \ud83d\udcda Ek","email":"anna.ek@varnamo.example.se","unitId":"{unit}"}""")))
            .ShouldBeAsync<StaffMemberDto>(HttpStatusCode.Created);

        created.Name.ShouldBe("Anna 📚 Ek");
        (await (await Client.GetAsync($"/api/v1/participants/{created.Id}")).ShouldBeAsync<StaffMemberDto>(HttpStatusCode.OK)).Name.ShouldBe("Anna 📚 Ek");
    }

    [Theory]
    [InlineData("/api/v1/participants?search=Anna%00Ek", "search")]
    [InlineData("/api/v1/participants?unitId=%00", "unitId")]
    [InlineData("/api/v1/audit?entityType=StaffMember%00", "entityType")]
    [InlineData("/api/v1/audit?entityId=%00", "entityId")]
    [InlineData("/api/v1/statistics/libraries?from=%00", "from")]
    [InlineData("/api/v1/participants?sea%00rch=Anna", "search")]
    public async Task Unstorable_text_in_the_query_string_answers_400_naming_the_parameter(string url, string field)
    {
        await WorldAsync(withRound: false);
        var before = await SnapshotDataAsync();

        var problem = await (await Client.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);

        problem.GetProperty("errors").GetProperty(field)[0].GetString()!.ShouldContain(Refusal);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Unstorable_text_in_a_query_string_is_refused_on_a_change_too_and_saves_nothing()
    {
        await WorldAsync(withRound: false);
        var before = await SnapshotDataAsync();

        var response = await Client.PostAsync("/api/v1/participants/import?dryRun=false&note=%00",
            new StringContent("Namn;E-post;Enhet;Titel;Chef\nAnna Ek;anna.ek@varnamo.example.se;Bors bibliotek;Bibliotekarie;nej\n", Encoding.UTF8, "text/csv"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "note");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    private async Task<World> WorldAsync(bool withRound)
    {
        Guid? round = null;
        Guid county, unit, course;
        if (withRound)
        {
            Factory.Clock.SetLocal(new DateOnly(2010, 2, 1));
            var (created, municipality) = await ReportRound.CreateAsync(Client);
            round = created.Id;
            course = created.CourseId;
            county = (await (await Client.GetAsync($"{LibraryBuilder.Url}/{municipality}")).ShouldBeAsync<LibraryDto>(HttpStatusCode.OK)).ParentId!.Value;
            unit = (await (await Client.GetAsync($"{LibraryBuilder.Url}?parentId={municipality}")).ShouldBeAsync<PagedList<LibraryDto>>(HttpStatusCode.OK)).Items[0].Id;
        }
        else
        {
            var tree = await Client.CreateSmallTreeAsync();
            (county, unit) = (tree.County.Id, tree.Branch.Id);
            course = (await Client.CreateCourseAsync(county)).Id;
        }

        var staff = await (await Client.PostJsonAsync("/api/v1/participants", new { name = "Bo Ström", email = "bo.strom@varnamo.example.se", unitId = unit }))
            .ShouldBeAsync<StaffMemberDto>(HttpStatusCode.Created);
        return new World(county, unit, course, round ?? Guid.NewGuid(), staff.Id);
    }

    private sealed record World(Guid County, Guid Unit, Guid Course, Guid Round, Guid Staff)
    {
        public string Fill(string text) => text
            .Replace("{county}", County.ToString(), StringComparison.Ordinal)
            .Replace("{unit}", Unit.ToString(), StringComparison.Ordinal)
            .Replace("{course}", Course.ToString(), StringComparison.Ordinal)
            .Replace("{round}", Round.ToString(), StringComparison.Ordinal)
            .Replace("{staff}", Staff.ToString(), StringComparison.Ordinal);
    }
}
