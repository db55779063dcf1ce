using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Api.IntegrationTests.Participants;
using EnSakITaget.Application.Identity;
using EnSakITaget.Application.Statistics;
using EnSakITaget.Application.Statistics.GetLibraryStatistics;
using EnSakITaget.Application.Statistics.GetRoundStatistics;
using EnSakITaget.Domain.Feedback;
using Npgsql;

namespace EnSakITaget.Api.IntegrationTests.Statistics;

public sealed class StatisticsTests(ApiFactory factory) : ApiTest(factory)
{
    /// <summary>
    /// Värnamo: Bor (2 staff) with Anna (a manager, all eight things, answered the survey) and Bo
    /// (two things, answered); the bookmobile (3 staff) with Cecilia (started one) and David
    /// (withdrawn); Eva on the roster, not enrolled. The round has closed.
    /// </summary>
    private async Task<(RunningRound Round, Guid Bookmobile)> KnownDataSetAsync()
    {
        var round = await RunningRound.StartAsync(Factory, Client, workAheadAllowed: true);
        var bookmobile = (await Client.CreateUnitAsync(round.Varnamo, "Bookmobile", "Bokbussen", 3)).Id;
        var anna = await round.EnrolAsync("Anna Ek", manager: true);
        var bo = await round.EnrolAsync("Bo Ström");
        var cecilia = await round.EnrolAsync("Cecilia Ås", bookmobile);
        var david = await round.EnrolAsync("David Alm", bookmobile);
        await round.EnrolAsync("Eva Berg", bookmobile, enrol: false);
        for (var position = 1; position <= 8; position++)
        {
            await anna.ReportAsync(round, position);
        }

        await bo.ReportAsync(round, 1);
        await bo.ReportAsync(round, 2);
        await cecilia.StartAsync(round, 1);
        await david.ReportAsync(round, 1);
        (await Client.DeleteAsync($"{round.Url}/enrolments/{david.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Client.PostAsync($"{round.Url}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var participant in new[] { anna, bo })
        {
            (await participant.Client.PostJsonAsync($"{round.Url}/survey/responses", new { answers = new[] { new { questionId = Survey.WhatWasGood, text = "Bra." } } }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        return (round, bookmobile);
    }

    [Fact]
    public async Task Every_library_statistic_of_a_known_data_set_is_what_was_counted_by_hand_and_rolls_up_the_tree()
    {
        var (round, bookmobile) = await KnownDataSetAsync();

        var list = await LibrariesAsync(Client, "?pageSize=100");

        list.Items.Select(r => r.Name).ShouldBe(["Jönköpings län", "Värnamo kommuns bibliotek", "Bokbussen", "Bors bibliotek"]);
        var bor = list.Items.Single(r => r.LibraryId == round.Bor);
        (bor.Staff, bor.Enrolled, bor.Coverage, bor.ManagersTakingPart, bor.ActiveLast30Days, bor.EnrolmentsCompleted, bor.ThingsReported)
            .ShouldBe((2, 2, 1.0, 1, 2, 1, 10));
        var mobile = list.Items.Single(r => r.LibraryId == bookmobile);
        (mobile.Staff, mobile.Enrolled, mobile.Coverage, mobile.ManagersTakingPart, mobile.ActiveLast30Days, mobile.EnrolmentsCompleted, mobile.ThingsReported)
            .ShouldBe((3, 1, 0.3333, 0, 1, 0, 0));
        (bor.FeedbackResponses, bor.FeedbackResponseRate).ShouldBe((0, null));
        foreach (var top in list.Items.Take(2))
        {
            (top.Staff, top.Enrolled, top.Coverage, top.ManagersTakingPart, top.ActiveLast30Days, top.EnrolmentsCompleted, top.ThingsReported)
                .ShouldBe((5, 3, 0.6, 1, 3, 1, 10));
            (top.FeedbackResponses, top.FeedbackResponseRate, top.Suppressed).ShouldBe((2, 0.6667, string.Empty));
        }
    }

    [Fact]
    public async Task A_period_counts_only_what_happened_in_it()
    {
        var round = await RunningRound.StartAsync(Factory, Client, workAheadAllowed: true);
        var anna = await round.EnrolAsync("Anna Ek");
        await anna.ReportAsync(round, 1);
        Factory.Clock.SetLocal(new DateOnly(2010, 3, 10));
        await anna.ReportAsync(round, 2);
        await anna.ReportAsync(round, 3);
        Factory.Clock.SetLocal(new DateOnly(2010, 5, 1));

        var march = await LibrariesAsync(Client, "?from=2010-03-01&to=2010-03-31");
        var february = await LibrariesAsync(Client, "?to=2010-02-28");
        var allTime = await LibrariesAsync(Client, string.Empty);

        march.Items[0].ThingsReported.ShouldBe(2);
        (february.Items[0].ThingsReported, february.Items[0].ActiveLast30Days).ShouldBe((1, 0));
        (allTime.Items[0].ThingsReported, allTime.Items[0].ActiveLast30Days).ShouldBe((3, 0));
        march.WeeklyReports.ShouldBe([new WeeklyReportsDto(new DateOnly(2010, 3, 8), 2)]);
        allTime.WeeklyReports.ShouldBe([new WeeklyReportsDto(new DateOnly(2010, 2, 22), 1), new WeeklyReportsDto(new DateOnly(2010, 3, 8), 2)]);
        await (await Client.GetAsync("/api/v1/statistics/libraries?from=2010-04-01&to=2010-03-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "to");
    }

    [Fact]
    public async Task A_round_s_statistics_show_completion_per_thing_pace_spread_weekly_reports_and_the_response_rate()
    {
        var (round, _) = await KnownDataSetAsync();

        var statistics = await (await Client.GetAsync($"/api/v1/statistics/rounds/{round.Id}")).ShouldBeAsync<RoundStatisticsDto>(HttpStatusCode.OK);

        (statistics.Enrolled, statistics.Completed, statistics.ActiveLast30Days, statistics.FeedbackResponses, statistics.FeedbackResponseRate)
            .ShouldBe((3, 1, 3, 2, 0.6667));
        statistics.Things.Select(t => t.Reported).ShouldBe([2, 2, 1, 1, 1, 1, 1, 1]);
        statistics.Things[0].CompletionRate.ShouldBe(0.6667);
        statistics.Spread.StandingAt.ShouldBe([1, 0, 1, 0, 0, 0, 0, 0]);
        (statistics.Spread.Finished, statistics.Spread.MostReported, statistics.Spread.FewestReported, statistics.Spread.Distance).ShouldBe((1, 8, 0, 8));
        // The weekly series counts every report made, David's before he withdrew too.
        statistics.WeeklyReports.ShouldBe([new WeeklyReportsDto(new DateOnly(2010, 2, 22), 11)]);
        statistics.MedianPacePerMonth.ShouldNotBeNull();
    }

    [Fact]
    public async Task Csv_comes_with_a_header_row_in_utf8_with_a_byte_order_mark_and_reads_back_the_same()
    {
        var (_, _) = await KnownDataSetAsync();
        var json = await LibrariesAsync(Client, "?pageSize=100");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/statistics/libraries?pageSize=100");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var response = await Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        text.Split('\n')[0].TrimEnd('\r').ShouldBe(
            "libraryId,name,type,parentId,staff,enrolled,coverage,managersTakingPart,activeLast30Days,enrolmentsCompleted,thingsReported,feedbackResponses,feedbackResponseRate,suppressed");
        text.ShouldContain("Jönköpings län");
        using var reader = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.ToUpperInvariant(),
        });
        reader.GetRecords<LibraryStatisticsDto>().ToList().ShouldBe(json.Items);
    }

    [Fact]
    public async Task An_unchanged_answer_is_304_and_any_change_gives_a_new_etag()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var first = await Client.GetAsync("/api/v1/statistics/libraries");
        var etag = first.Headers.ETag!.Tag;

        var again = await SendAsync(Client, "/api/v1/statistics/libraries", etag);
        var otherQuery = await SendAsync(Client, "/api/v1/statistics/libraries?pageSize=10", etag);
        await anna.ReportAsync(round, 1);
        var afterReport = await SendAsync(Client, "/api/v1/statistics/libraries", etag);
        var roundFirst = await Client.GetAsync($"/api/v1/statistics/rounds/{round.Id}");
        var roundAgain = await SendAsync(Client, $"/api/v1/statistics/rounds/{round.Id}", roundFirst.Headers.ETag!.Tag);

        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await again.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        again.Headers.ETag!.Tag.ShouldBe(etag);
        otherQuery.StatusCode.ShouldBe(HttpStatusCode.OK);
        afterReport.StatusCode.ShouldBe(HttpStatusCode.OK);
        afterReport.Headers.ETag!.Tag.ShouldNotBe(etag);
        roundAgain.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task If_none_match_star_is_304_for_a_round_one_may_see_and_404_for_another_municipality_s_or_none()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var counties = await (await Client.GetAsync($"{LibraryBuilder.Url}?type=County")).ShouldBeAsync<Application.Common.Paging.PagedList<Application.Libraries.LibraryDto>>(HttpStatusCode.OK);
        var gnosjo = await Client.CreateMunicipalityAsync(counties.Items[0].Id, "Gnosjö", "0617");
        using var outsider = await Factory.ClientAsAsync("samordnare@gnosjo.example.se", (Domain.Identity.Role.Coordinator, gnosjo.Id));
        using var insider = await Factory.ClientAsAsync("samordnare@varnamo.example.se", (Domain.Identity.Role.Coordinator, round.Varnamo));

        foreach (var url in new[] { $"/api/v1/statistics/rounds/{round.Id}", $"{round.Url}/progress" })
        {
            var own = await SendAsync(insider, url, "*");
            var others = await SendAsync(outsider, url, "*");
            var none = await SendAsync(insider, url.Replace(round.Id.ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal), "*");

            own.StatusCode.ShouldBe(HttpStatusCode.NotModified, url);
            own.Headers.ETag.ShouldNotBeNull();
            await others.ShouldBeProblemAsync(HttpStatusCode.NotFound);
            others.Headers.ETag.ShouldBeNull();
            await none.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task For_an_integration_key_counts_of_fewer_than_five_people_are_suppressed_and_marked()
    {
        var (round, bookmobile) = await KnownDataSetAsync();
        var key = await (await Client.PostJsonAsync("/api/v1/api-keys", new { name = "Länets statistik", libraryId = round.Varnamo }))
            .ShouldBeAsync<CreatedApiKeyDto>(HttpStatusCode.Created);
        using var integration = Factory.ClientWithKey(key.Key);

        var list = await LibrariesAsync(integration, "?pageSize=100");
        var roundStatistics = await (await integration.GetAsync($"/api/v1/statistics/rounds/{round.Id}")).ShouldBeAsync<RoundStatisticsDto>(HttpStatusCode.OK);

        list.Items.Select(r => r.Name).ShouldBe(["Värnamo kommuns bibliotek", "Bokbussen", "Bors bibliotek"]);
        var varnamo = list.Items[0];
        (varnamo.Staff, varnamo.Enrolled, varnamo.Coverage, varnamo.ManagersTakingPart, varnamo.ThingsReported, varnamo.FeedbackResponses).ShouldBe((5, null, null, null, null, null));
        varnamo.Suppressed.Split(' ').ShouldBe(
            ["enrolled", "managersTakingPart", "activeLast30Days", "enrolmentsCompleted", "thingsReported", "feedbackResponses"], ignoreOrder: true);
        list.Items.Single(r => r.LibraryId == bookmobile).ManagersTakingPart.ShouldBe(0);
        (roundStatistics.Enrolled, roundStatistics.Things[0].Reported, roundStatistics.Suppressed).ShouldBe((null, null, "enrolled all"));
        list.WeeklyReports.ShouldBe([new WeeklyReportsDto(new DateOnly(2010, 2, 22), 11)]);
    }

    [Fact]
    public async Task An_integration_key_reads_only_its_own_subtree()
    {
        var round = await RunningRound.StartAsync(Factory, Client, workAheadAllowed: true);
        await (await round.EnrolAsync("Anna Ek")).ReportAsync(round, 1);
        var counties = await (await Client.GetAsync($"{LibraryBuilder.Url}?type=County")).ShouldBeAsync<Application.Common.Paging.PagedList<Application.Libraries.LibraryDto>>(HttpStatusCode.OK);
        var gnosjo = await Client.CreateMunicipalityAsync(counties.Items[0].Id, "Gnosjö", "0617");
        var key = await (await Client.PostJsonAsync("/api/v1/api-keys", new { name = "Gnosjös statistik", libraryId = gnosjo.Id }))
            .ShouldBeAsync<CreatedApiKeyDto>(HttpStatusCode.Created);
        using var integration = Factory.ClientWithKey(key.Key);

        var list = await LibrariesAsync(integration, string.Empty);
        var otherRound = await integration.GetAsync($"/api/v1/statistics/rounds/{round.Id}");
        var otherLibrary = await integration.GetAsync($"/api/v1/statistics/libraries?libraryId={round.Varnamo}");

        list.Items.Select(r => r.LibraryId).ShouldBe([gnosjo.Id]);
        list.WeeklyReports.ShouldBeEmpty();
        await otherRound.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await otherLibrary.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "libraryId");
    }

    [Fact]
    public async Task The_read_model_agrees_with_a_recount_from_the_progress_events()
    {
        var round = await RunningRound.StartAsync(Factory, Client, workAheadAllowed: true);
        var people = new List<Participant>();
        foreach (var name in new[] { "Anna Ek", "Bo Ström", "Cecilia Ås", "David Alm" })
        {
            people.Add(await round.EnrolAsync(name));
        }

        var random = new Random(7);
        for (var day = 0; day < 20; day++)
        {
            Factory.Clock.SetLocal(new DateOnly(2010, 2, 23).AddDays(day), hour: 23);
            await Task.WhenAll(people.Select(async p =>
            {
                var position = random.Next(1, 9);
                await p.Client.PostJsonAsync($"{round.ThingUrl(position)}/report", new { text = $"Dag {day}" });
            }));
        }

        await using var connection = await Factory.Database.OpenAsync();
        (await RowsAsync(connection, """
            SELECT e.id::text FROM participants.enrolments e
            WHERE e.things_reported <> (SELECT count(*) FROM participants.progress_events p WHERE p.enrolment_id = e.id AND p.kind = 'Reported')
               OR (e.status = 'Completed') <> EXISTS (SELECT 1 FROM participants.progress_events p WHERE p.enrolment_id = e.id AND p.kind = 'Completed')
               OR e.last_active_on IS DISTINCT FROM (SELECT max((p.occurred_at AT TIME ZONE 'Europe/Stockholm')::date) FROM participants.progress_events p
                                                     WHERE p.enrolment_id = e.id AND p.kind IN ('Started', 'Reported', 'ReflectionRevised'))
            """)).ShouldBeEmpty();
        var recount = await RowsAsync(connection, """
            SELECT p.round_id || ' ' || s.unit_id || ' ' || (p.occurred_at AT TIME ZONE 'Europe/Stockholm')::date || ' ' || count(*)
            FROM participants.progress_events p JOIN participants.staff_members s ON s.id = p.staff_member_id
            WHERE p.kind = 'Reported' GROUP BY p.round_id, s.unit_id, (p.occurred_at AT TIME ZONE 'Europe/Stockholm')::date ORDER BY 1
            """);
        var readModel = await RowsAsync(connection, "SELECT round_id || ' ' || unit_id || ' ' || day || ' ' || reports FROM participants.daily_reports ORDER BY 1");
        readModel.ShouldBe(recount);
        recount.Count.ShouldBeGreaterThan(10);
    }

    private static async Task<LibraryStatisticsList> LibrariesAsync(HttpClient client, string query) =>
        await (await client.GetAsync($"/api/v1/statistics/libraries{query}")).ShouldBeAsync<LibraryStatisticsList>(HttpStatusCode.OK);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag == "*" ? EntityTagHeaderValue.Any : new EntityTagHeaderValue(etag));
        return await client.SendAsync(request);
    }

    private static async Task<List<string>> RowsAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
