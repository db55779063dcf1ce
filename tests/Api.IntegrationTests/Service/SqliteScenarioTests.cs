using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Courses;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Api.IntegrationTests.Participants;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Feedback;
using EnSakITaget.Application.Libraries;
using EnSakITaget.Application.Messaging.Contracts;
using EnSakITaget.Application.Participants;
using EnSakITaget.Application.Participants.GetProgressMatrix;
using EnSakITaget.Application.Participants.ImportStaff;
using EnSakITaget.Application.Participants.NudgeParticipant;
using EnSakITaget.Application.Statistics.GetLibraryStatistics;
using EnSakITaget.Domain.Feedback;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Domain.Participants;
using EnSakITaget.Infrastructure.Notices;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EnSakITaget.Api.IntegrationTests.Service;

/// <summary>
/// A representative set of the HTTP tests, each on a SQLite file of its own: the embedded default
/// keeps the same rules, counts and answers as PostgreSQL, where its SQL differs most.
/// </summary>
public sealed class SqliteScenarioTests : IAsyncLifetime
{
    private static readonly Guid Overall = new("c0ffee00-0000-4000-8000-000000000002");
    private static readonly Guid Format = new("c0ffee00-0000-4000-8000-000000000003");

    private readonly SqliteApiFactory factory = new();
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        await factory.InitializeAsync();
        factory.Clock.Set(DateTimeOffset.UtcNow);
        client = await factory.ClientForAsync(await factory.CreateUserAsync("admin@test.local", (Role.Administrator, null)));
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task On_sqlite_a_library_tree_is_stored_read_back_and_a_second_county_with_the_same_code_is_a_conflict()
    {
        var (county, municipality, branch) = await client.CreateSmallTreeAsync();

        var tree = await (await client.GetAsync($"{LibraryBuilder.Url}/{county.Id}/tree")).ShouldBeAsync<LibraryTreeDto>(HttpStatusCode.OK);

        tree.Children.ShouldHaveSingleItem().Id.ShouldBe(municipality.Id);
        tree.Children[0].Children.ShouldHaveSingleItem().Id.ShouldBe(branch.Id);
        await (await client.PostJsonAsync(LibraryBuilder.Url, new { type = "County", name = "Igen", countyCode = "06" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task On_sqlite_a_published_course_s_round_opens_on_its_kick_off_and_releases_the_next_thing_on_demand()
    {
        var round = await RunningRound.StartAsync(factory, client);

        await round.ReleaseNextAsync();

        var schedule = await client.GetScheduleAsync(round.Id);
        (schedule.ReleasedCount, schedule.Things.Count(t => t.ReleasedAt is not null)).ShouldBe((2, 2));
    }

    [Fact]
    public async Task On_sqlite_a_report_a_revision_and_the_refusals_of_an_empty_reflection_and_of_working_ahead_are_as_on_postgresql()
    {
        var round = await RunningRound.StartAsync(factory, client);
        var anna = await round.EnrolAsync("Anna Ek");

        var first = await anna.ReportAsync(round, 1, "Jag har startat en blogg.");
        var revised = await anna.ReportAsync(round, 1, "Jag bloggar varje vecka.");
        var empty = await anna.Client.PostJsonAsync($"{round.ThingUrl(1)}/report", new { text = "  " });
        var ahead = await anna.Client.PostJsonAsync($"{round.ThingUrl(2)}/report", new { text = "För tidigt." });

        (first.Status, first.ThingsReported, revised.Reflection!.Text, revised.ThingsReported)
            .ShouldBe((ThingProgressStatus.Reported, 1, "Jag bloggar varje vecka.", 1));
        await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "text");
        (await ahead.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("does not allow working ahead");
        (await client.HistoryAsync(round, anna.Id)).Items.Select(e => e.Kind).ShouldBe(
            [ProgressEventKind.Invited, ProgressEventKind.Started, ProgressEventKind.Reported, ProgressEventKind.ReflectionRevised], ignoreOrder: true);
    }

    [Fact]
    public async Task On_sqlite_the_progress_matrix_shows_each_participant_s_cells_and_answers_304_until_someone_reports()
    {
        var round = await RunningRound.StartAsync(factory, client);
        var anna = await round.EnrolAsync("Anna Ek");
        var bo = await round.EnrolAsync("Bo Ström");
        await bo.StartAsync(round, 1);
        var first = await client.GetAsync($"{round.Url}/progress");
        var etag = first.Headers.ETag!.Tag;

        var unchanged = await GetIfNoneMatchAsync($"{round.Url}/progress", etag);
        await anna.ReportAsync(round, 1);
        var changed = await GetIfNoneMatchAsync($"{round.Url}/progress", etag);

        unchanged.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        var matrix = await changed.ShouldBeAsync<ProgressMatrixDto>(HttpStatusCode.OK);
        matrix.Items.Select(r => (r.Name, r.Status, r.ThingsReported, r.Cells.Single().Status)).ShouldBe(
            [("Anna Ek", EnrolmentStatus.Active, 1, ThingProgressStatus.Reported), ("Bo Ström", EnrolmentStatus.Active, 0, ThingProgressStatus.Started)]);
    }

    [Fact]
    public async Task On_sqlite_a_reflection_is_acknowledged_and_a_nudge_holds_the_next_back()
    {
        var round = await RunningRound.StartAsync(factory, client);
        var anna = await round.EnrolAsync("Anna Ek");
        await anna.ReportAsync(round, 1);

        var acknowledged = await (await client.PutJsonAsync($"{round.Url}/enrolments/{anna.Id}/things/{round.ThingId(1)}/acknowledgement", new { comment = "Snyggt!" }))
            .ShouldBeAsync<ThingProgressDto>(HttpStatusCode.OK);
        var nudged = await (await client.PostJsonAsync($"{round.Url}/enrolments/{anna.Id}/nudges", new { message = "Hur går det?" })).ShouldBeAsync<NudgeDto>(HttpStatusCode.Created);
        var tooSoon = await client.PostAsync($"{round.Url}/enrolments/{anna.Id}/nudges", null);

        acknowledged.AcknowledgementComment.ShouldBe("Snyggt!");
        (nudged.NudgeCount, nudged.Message).ShouldBe((1, "Hur går det?"));
        (await tooSoon.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("the next nudge is possible from");
    }

    [Fact]
    public async Task On_sqlite_the_survey_takes_one_answer_per_participant_and_its_summary_and_csv_add_them_up()
    {
        var round = await RunningRound.StartAsync(factory, client);
        var people = new List<Participant>();
        foreach (var name in new[] { "Anna Ek", "Bo Ström", "Cecilia Ås", "David Alm", "Eva Berg" })
        {
            people.Add(await round.EnrolAsync(name));
        }

        (await client.PutJsonAsync($"{round.Url}/survey", CustomSurvey())).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsync($"{round.Url}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        int[] ratings = [5, 4, 4, 2];
        for (var i = 0; i < ratings.Length; i++)
        {
            (await AnswerAsync(people[i], round, new { questionId = Overall, rating = ratings[i] }, new { questionId = Format, choice = i % 2 })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var again = await AnswerAsync(people[0], round, new { questionId = Overall, rating = 1 });
        var misfit = await AnswerAsync(people[4], round, new { questionId = Overall, rating = 6 });
        var summary = await (await client.GetAsync($"{round.Url}/survey/summary")).ShouldBeAsync<SurveySummaryDto>(HttpStatusCode.OK);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{round.Url}/survey/summary");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csv = await client.SendAsync(request);

        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await misfit.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "answers[0].rating");
        (summary.Enrolled, summary.Responses, summary.ResponseRate, summary.IsAnonymous).ShouldBe((5, 4, 0.8, true));
        var overall = summary.Questions.Single(q => q.QuestionId == Overall);
        overall.RatingCounts.ShouldBe([0, 1, 0, 2, 1]);
        overall.Mean.ShouldBe(3.75);
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
    }

    [Fact]
    public async Task On_sqlite_the_library_statistics_count_a_known_data_set_as_on_postgresql_and_their_csv_reads_back_the_same()
    {
        var round = await RunningRound.StartAsync(factory, client, workAheadAllowed: true);
        var bookmobile = (await client.CreateUnitAsync(round.Varnamo, "Bookmobile", "Bokbussen", 3)).Id;
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
        (await client.DeleteAsync($"{round.Url}/enrolments/{david.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PostAsync($"{round.Url}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var participant in new[] { anna, bo })
        {
            (await AnswerAsync(participant, round, new { questionId = Survey.WhatWasGood, text = "Bra." })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var list = await (await client.GetAsync("/api/v1/statistics/libraries?pageSize=100")).ShouldBeAsync<LibraryStatisticsList>(HttpStatusCode.OK);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/statistics/libraries?pageSize=100");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csv = await client.SendAsync(request);

        var bor = list.Items.Single(r => r.LibraryId == round.Bor);
        (bor.Staff, bor.Enrolled, bor.Coverage, bor.ManagersTakingPart, bor.ActiveLast30Days, bor.EnrolmentsCompleted, bor.ThingsReported)
            .ShouldBe((2, 2, 1.0, 1, 2, 1, 10));
        var mobile = list.Items.Single(r => r.LibraryId == bookmobile);
        (mobile.Staff, mobile.Enrolled, mobile.Coverage, mobile.ManagersTakingPart, mobile.ActiveLast30Days, mobile.EnrolmentsCompleted, mobile.ThingsReported)
            .ShouldBe((3, 1, 0.3333, 0, 1, 0, 0));
        foreach (var top in list.Items.Take(2))
        {
            (top.Staff, top.Enrolled, top.Coverage, top.ManagersTakingPart, top.ActiveLast30Days, top.EnrolmentsCompleted, top.ThingsReported)
                .ShouldBe((5, 3, 0.6, 1, 3, 1, 10));
            (top.FeedbackResponses, top.FeedbackResponseRate, top.Suppressed).ShouldBe((2, 0.6667, string.Empty));
        }

        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        using var reader = new CsvReader(new StringReader(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.ToUpperInvariant(),
        });
        reader.GetRecords<LibraryStatisticsDto>().ToList().ShouldBe(list.Items);
    }

    [Fact]
    public async Task On_sqlite_a_roster_import_creates_everyone_at_their_unit_and_importing_it_again_changes_nothing()
    {
        var (_, varnamo, bor) = await client.CreateSmallTreeAsync();
        var main = await client.CreateUnitAsync(varnamo.Id, "MainLibrary", "Värnamo stadsbibliotek", 11);
        var roster = string.Join('\n',
            "Namn;E-post;Enhet;Titel;Chef",
            "Anna Ek;anna.ek@varnamo.example.se;Värnamo stadsbibliotek;Bibliotekarie;nej",
            "Bo Ström;bo.strom@varnamo.example.se;Bors bibliotek;Bibliotekschef;ja");

        var report = await (await ImportAsync(roster)).ShouldBeAsync<StaffImportReport>(HttpStatusCode.OK);
        var again = await (await ImportAsync(roster)).ShouldBeAsync<StaffImportReport>(HttpStatusCode.OK);

        (report.Created, report.Updated, report.Unchanged, report.Rejected.Count).ShouldBe((2, 0, 0, 0));
        (again.Created, again.Updated, again.Unchanged).ShouldBe((0, 0, 2));
        var staff = (await (await client.GetAsync("/api/v1/participants?pageSize=200")).ShouldBeAsync<PagedList<StaffMemberDto>>(HttpStatusCode.OK)).Items;
        staff.Select(s => (s.Name, s.UnitId, s.IsManager)).ShouldBe([("Anna Ek", main.Id, false), ("Bo Ström", bor.Id, true)], ignoreOrder: true);
    }

    [Fact]
    public async Task On_sqlite_a_member_of_staff_who_leaves_is_withdrawn_from_the_round_with_the_day_in_the_history()
    {
        var round = await RunningRound.StartAsync(factory, client);
        var anna = await round.EnrolAsync("Anna Ek");
        await anna.ReportAsync(round, 1);
        var leftOn = factory.Clock.Today();

        var left = await (await client.PutJsonAsync($"/api/v1/participants/{anna.Id}/leaving", new { leftOn })).ShouldBeAsync<StaffMemberDto>(HttpStatusCode.OK);
        var reportAfter = await anna.Client.PostJsonAsync($"{round.ThingUrl(1)}/report", new { text = "Efteråt." });

        left.LeftOn.ShouldBe(leftOn);
        await reportAfter.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var history = (await client.HistoryAsync(round, anna.Id)).Items;
        history.Single(e => e.Kind == ProgressEventKind.Withdrawn).Note.ShouldBe($"Left the staff on {leftOn:yyyy-MM-dd}.");
    }

    [Fact]
    public async Task On_sqlite_reports_of_one_thing_sent_at_once_count_once_and_each_is_answered_200_or_409()
    {
        var round = await RunningRound.StartAsync(factory, client);
        var anna = await round.EnrolAsync("Anna Ek");

        var answers = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            anna.Client.PostJsonAsync($"{round.ThingUrl(1)}/report", new { text = $"Version {i}" })));

        answers.Select(a => a.StatusCode).ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict);
        answers.ShouldContain(a => a.StatusCode == HttpStatusCode.OK);
        var matrix = await (await client.GetAsync($"{round.Url}/progress")).ShouldBeAsync<ProgressMatrixDto>(HttpStatusCode.OK);
        matrix.Items.Single().ThingsReported.ShouldBe(1);
        var statistics = await (await client.GetAsync("/api/v1/statistics/libraries?pageSize=100")).ShouldBeAsync<LibraryStatisticsList>(HttpStatusCode.OK);
        statistics.Items.Single(r => r.LibraryId == round.Bor).ThingsReported.ShouldBe(1);
    }

    [Fact]
    public async Task On_sqlite_the_notice_tick_finds_a_thing_released_since_its_last_tick_and_queues_one_letter_to_each_participant_once()
    {
        var round = await RunningRound.StartAsync(factory, client);
        await round.EnrolAsync("Anna Ek");
        await round.EnrolAsync("Bo Berg");
        var notices = factory.Services.GetServices<IHostedService>().OfType<NoticeService>().Single();
        await notices.QueueDueNoticesAsync(CancellationToken.None);
        var before = await CountQueuedAsync(LetterKinds.ThingReleased);

        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await round.ReleaseNextAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await notices.QueueDueNoticesAsync(CancellationToken.None);
        var afterRelease = await CountQueuedAsync(LetterKinds.ThingReleased);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await notices.QueueDueNoticesAsync(CancellationToken.None);

        (afterRelease - before).ShouldBe(2);
        (await CountQueuedAsync(LetterKinds.ThingReleased)).ShouldBe(afterRelease);
    }

    private Task<int> CountQueuedAsync(string kind) =>
        factory.WithSystemScopeAsync(sp => sp.GetRequiredService<AppDbContext>().OutboxMessages.CountAsync(m => m.Kind == kind));

    private Task<HttpResponseMessage> ImportAsync(string csv)
    {
        var content = new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return client.PostAsync("/api/v1/participants/import", content);
    }

    private async Task<HttpResponseMessage> GetIfNoneMatchAsync(string url, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag));
        return await client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> AnswerAsync(Participant participant, RunningRound round, params object[] answers) =>
        participant.Client.PostJsonAsync($"{round.Url}/survey/responses", new { answers });

    private static object CustomSurvey() => new
    {
        isAnonymous = true,
        opensWhen = "RoundClosed",
        questions = new object[]
        {
            new { id = Overall, kind = "Rating", required = true, textSv = "Hur var kursen som helhet?", textEn = "How was the course as a whole?" },
            new
            {
                id = Format, kind = "SingleChoice", textSv = "Hur vill du lära dig?", textEn = "How do you want to learn?",
                optionsSv = new[] { "Egen takt", "Kurstillfällen" }, optionsEn = new[] { "At my own pace", "In sessions" },
            },
        },
    };
}
