using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Api.IntegrationTests.Courses;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Courses;
using EnSakITaget.Domain.Courses;
using EnSakITaget.Application.Feedback.AnswerSurvey;
using EnSakITaget.Application.Identity;
using EnSakITaget.Application.Identity.GetMe;
using EnSakITaget.Application.Libraries;
using EnSakITaget.Application.Participants.ListLaggards;
using EnSakITaget.Application.Participants.ListMyRounds;
using EnSakITaget.Application.Participants.NudgeParticipant;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Application.Participants;
using EnSakITaget.Application.Participants.GetManagerParticipation;
using EnSakITaget.Application.Participants.GetProgressMatrix;
using EnSakITaget.Application.Participants.GetSpread;
using EnSakITaget.Domain.Libraries;
using EnSakITaget.Infrastructure.Persistence.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EnSakITaget.Api.IntegrationTests.Seeding;

public sealed class DemoDataTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task The_demo_seed_creates_jonkoping_county_and_varnamos_libraries_once()
    {
        await SeedAsync();
        await SeedAsync();

        var counties = await (await Client.GetAsync($"{LibraryBuilder.Url}?type=County")).ShouldBeAsync<PagedList<LibraryDto>>(HttpStatusCode.OK);
        var county = counties.Items.ShouldHaveSingleItem();
        county.CountyCode.ShouldBe("06");
        var tree = await (await Client.GetAsync($"{LibraryBuilder.Url}/{county.Id}/tree")).ShouldBeAsync<LibraryTreeDto>(HttpStatusCode.OK);
        tree.Children.Select(m => m.MunicipalityCode).Order().ShouldBe(
            ["0604", "0617", "0642", "0643", "0662", "0665", "0680", "0682", "0683", "0684", "0685", "0686", "0687"]);

        var varnamo = tree.Children.Single(m => m.MunicipalityCode == "0683");
        varnamo.Children.Count(u => u.Type == LibraryNodeType.MainLibrary).ShouldBe(1);
        varnamo.Children.Count(u => u.Type == LibraryNodeType.Branch).ShouldBe(5);
        varnamo.Children.Count(u => u.Type == LibraryNodeType.Bookmobile).ShouldBe(1);
        varnamo.TotalStaffCount.ShouldBe(20);
    }

    [Fact]
    public async Task The_demo_seed_s_daily_report_counts_are_kept_by_its_save_as_by_every_report_and_agree_with_a_recount()
    {
        await SeedAsync();

        await using var connection = await Factory.Database.OpenAsync();
        var recount = await RowsAsync(connection, """
            SELECT p.round_id || ' ' || s.unit_id || ' ' || (p.occurred_at AT TIME ZONE 'Europe/Stockholm')::date || ' ' || count(*)
            FROM participants.progress_events p JOIN participants.staff_members s ON s.id = p.staff_member_id
            WHERE p.kind = 'Reported' GROUP BY p.round_id, s.unit_id, (p.occurred_at AT TIME ZONE 'Europe/Stockholm')::date ORDER BY 1
            """);
        var readModel = await RowsAsync(connection, "SELECT round_id || ' ' || unit_id || ' ' || day || ' ' || reports FROM participants.daily_reports ORDER BY 1");

        readModel.ShouldBe(recount);
        recount.Count.ShouldBeGreaterThan(10);
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

    [Fact]
    public async Task The_demo_seed_holds_the_reports_course_and_varnamos_round_of_2010_running_on_its_plan()
    {
        Factory.Clock.SetLocal(new DateOnly(2010, 3, 20));
        await SeedAsync();

        var courses = await (await Client.GetAsync("/api/v1/courses")).ShouldBeAsync<PagedList<CourseDto>>(HttpStatusCode.OK);
        var course = courses.Items.ShouldHaveSingleItem();
        course.Title.ShouldBe("Sociala medier");
        course.Status.ShouldBe(CourseStatus.Published);
        course.Things.Select(t => t.Title).ShouldBe(ReportRound.Things);

        var round = await RoundOf2010Async();
        (round.KickOff, round.Deadline, round.Status).ShouldBe((ReportRound.KickOff, ReportRound.Deadline, RoundStatus.Open));
        var schedule = await Client.ScheduleOnceAsync(round.Id, s => s.ReleasedCount == 2);
        schedule.Things.Select(t => t.PlannedDate).ShouldBe(ReportRound.PlannedDates.Select(d => (DateOnly?)d));
        schedule.ReleasedCount.ShouldBe(2);
    }

    [Fact]
    public async Task The_demo_seed_enrols_twenty_varnamo_staff_and_two_pilots_with_progress_like_the_report()
    {
        Factory.Clock.SetLocal(new DateOnly(2010, 3, 23));
        await SeedAsync();
        await SeedAsync();

        var round = await RoundOf2010Async();

        var enrolments = await (await Client.GetAsync($"/api/v1/rounds/{round.Id}/enrolments?pageSize=200"))
            .ShouldBeAsync<PagedList<EnrolmentDto>>(HttpStatusCode.OK);
        enrolments.TotalCount.ShouldBe(22);
        enrolments.Items.Count(e => e.IsPilot).ShouldBe(2);
        enrolments.Items.Count(e => e.IsManager && !e.IsPilot).ShouldBe(3);
        enrolments.Items.Count(e => e.AttendedKickOff).ShouldBe(18);
        enrolments.Items.ShouldAllBe(e => e.Email.All(char.IsAscii) && e.Email.EndsWith(".example.se"));
        enrolments.Items.Where(e => !e.IsPilot).ShouldAllBe(e => e.Email.EndsWith("@varnamo.example.se"));

        var spread = await (await Client.GetAsync($"/api/v1/rounds/{round.Id}/spread")).ShouldBeAsync<SpreadDto>(HttpStatusCode.OK);
        spread.Participants.ShouldBe(22);
        spread.LatestReleased.ShouldBe(2);
        spread.Things.Select(t => t.StandingHere).ShouldBe([3, 2, 14, 2, 1, 0, 0, 0]);
        spread.Things.Where(t => t.Position >= 3).Sum(t => t.StandingHere).ShouldBeGreaterThanOrEqualTo(14);
        (spread.FewestReported, spread.MostReported, spread.Finished).ShouldBe((0, 4, 0));

        var managers = await (await Client.GetAsync($"/api/v1/rounds/{round.Id}/managers"))
            .ShouldBeAsync<ManagerParticipationDto>(HttpStatusCode.OK);
        (managers.OnRoster, managers.Enrolled, managers.Active).ShouldBe((3, 3, 2));

        var matrix = await (await Client.GetAsync($"/api/v1/rounds/{round.Id}/progress?pageSize=100"))
            .ShouldBeAsync<ProgressMatrixDto>(HttpStatusCode.OK);
        matrix.TotalCount.ShouldBe(22);
        matrix.Items.Count.ShouldBe(22);
        matrix.Items.SelectMany(r => r.Cells).Count(c => c.AcknowledgedAt is not null).ShouldBe(6);
        matrix.Items.SelectMany(r => r.Cells).ShouldAllBe(c => c.StartedAt.Year == 2010);

        var staff = await (await Client.GetAsync("/api/v1/participants?pageSize=200")).ShouldBeAsync<PagedList<StaffMemberDto>>(HttpStatusCode.OK);
        staff.TotalCount.ShouldBe(22);
    }

    [Fact]
    public async Task Next_to_the_2010_round_an_open_round_of_the_course_runs_now_with_things_out_progress_under_way_and_two_laggards()
    {
        await SeedAsync();
        await SeedAsync();
        var today = Factory.Clock.Today();

        var rounds = await (await Client.GetAsync("/api/v1/rounds")).ShouldBeAsync<PagedList<RoundDto>>(HttpStatusCode.OK);
        rounds.TotalCount.ShouldBe(2);
        rounds.Items.Select(r => r.CourseId).Distinct().ShouldHaveSingleItem();
        var round = await OpenRoundAsync();
        round.KickOff.ShouldBe(today.AddDays(-DemoDataSeeder.OpenRoundDaysRunning));
        round.Deadline.ShouldBeGreaterThan(today);
        round.WorkAheadAllowed.ShouldBeTrue();

        var schedule = await Client.ScheduleAsync(round.Id);
        schedule.ReleasedCount.ShouldBe(2);
        schedule.NextReleaseDate.ShouldBe(round.KickOff.AddDays(2 * 7 * DemoDataSeeder.OpenRoundCadenceWeeks));
        schedule.NextReleaseDate!.Value.ShouldBeGreaterThan(today);
        schedule.Things.Where(t => t.ReleasedAt is not null).ShouldAllBe(t => t.ReleasedAt <= Factory.Clock.GetUtcNow());

        var enrolments = await (await Client.GetAsync($"/api/v1/rounds/{round.Id}/enrolments?pageSize=200"))
            .ShouldBeAsync<PagedList<EnrolmentDto>>(HttpStatusCode.OK);
        enrolments.TotalCount.ShouldBe(10);
        DemoDataSeeder.ParticipantLogins.ShouldBeSubsetOf(enrolments.Items.Select(e => e.Email));

        var spread = await (await Client.GetAsync($"/api/v1/rounds/{round.Id}/spread")).ShouldBeAsync<SpreadDto>(HttpStatusCode.OK);
        (spread.Participants, spread.LatestReleased, spread.Finished, spread.FewestReported, spread.MostReported).ShouldBe((10, 2, 1, 0, 8));

        var laggards = await (await Client.GetAsync($"/api/v1/rounds/{round.Id}/laggards")).ShouldBeAsync<LaggardsDto>(HttpStatusCode.OK);
        laggards.Items.Select(l => l.Name).ShouldBe(["Lars Nyström", "Maria Gustavsson"]);

        var matrix = await (await Client.GetAsync($"/api/v1/rounds/{round.Id}/progress?pageSize=100"))
            .ShouldBeAsync<ProgressMatrixDto>(HttpStatusCode.OK);
        matrix.Items.SelectMany(r => r.Cells).ShouldAllBe(c => c.StartedAt < Factory.Clock.GetUtcNow());
        matrix.Items.SelectMany(r => r.Cells).Count(c => c.AcknowledgedAt is not null).ShouldBe(3);

        var staff = await (await Client.GetAsync("/api/v1/participants?pageSize=200")).ShouldBeAsync<PagedList<StaffMemberDto>>(HttpStatusCode.OK);
        staff.TotalCount.ShouldBe(22, "the open round takes Värnamo's own staff again");
    }

    [Fact]
    public async Task The_demo_logins_sign_in_once_created_and_the_participants_find_their_staff_record()
    {
        await SeedAsync();
        await SeedAsync();
        var staff = await (await Client.GetAsync("/api/v1/participants?pageSize=200")).ShouldBeAsync<PagedList<StaffMemberDto>>(HttpStatusCode.OK);
        var users = await (await Client.GetAsync("/api/v1/users?pageSize=200")).ShouldBeAsync<PagedList<UserDto>>(HttpStatusCode.OK);
        users.Items.Select(u => u.Email).Where(e => e != Administrator.Email).Order().ShouldBe(DemoDataSeeder.Logins.Select(l => l.Email).Order());

        foreach (var (email, displayName, role) in DemoDataSeeder.Logins)
        {
            using var client = await SignInAsync(email);
            var me = await (await client.GetAsync("/api/v1/me")).ShouldBeAsync<MeDto>(HttpStatusCode.OK);

            (me.Email, me.DisplayName).ShouldBe((email, displayName));
            me.Roles.ShouldHaveSingleItem().Role.ShouldBe(role);
            me.ParticipantId.ShouldBe(role == Role.Participant ? staff.Items.Single(s => s.Email == email).Id : null);
        }
    }

    [Fact]
    public async Task The_demo_coordinator_releases_the_next_thing_and_nudges_the_laggards_of_the_open_round()
    {
        await SeedAsync();
        var round = await OpenRoundAsync();
        var laggards = await (await Client.GetAsync($"/api/v1/rounds/{round.Id}/laggards")).ShouldBeAsync<LaggardsDto>(HttpStatusCode.OK);
        using var coordinator = await SignInAsync(DemoDataSeeder.CoordinatorEmail);

        var released = await (await coordinator.PostJsonAsync($"/api/v1/rounds/{round.Id}/release-next", new { expectedReleased = 2 })).ShouldBeAsync<ScheduleDto>(HttpStatusCode.OK);
        released.ReleasedCount.ShouldBe(3);
        foreach (var laggard in laggards.Items)
        {
            var nudge = await (await coordinator.PostJsonAsync($"/api/v1/rounds/{round.Id}/enrolments/{laggard.ParticipantId}/nudges", new { message = "Hur går det?" }))
                .ShouldBeAsync<NudgeDto>(HttpStatusCode.Created);
            nudge.By.ShouldBe(DemoDataSeeder.CoordinatorEmail);
        }
    }

    [Fact]
    public async Task A_demo_participant_reports_in_the_open_round_and_the_one_who_has_completed_answers_its_survey()
    {
        await SeedAsync();
        var round = await OpenRoundAsync();
        using var johan = await SignInAsync(DemoDataSeeder.ParticipantLogins[1]);
        using var karin = await SignInAsync(DemoDataSeeder.ParticipantLogins[0]);

        var mine = await (await johan.GetAsync("/api/v1/me/rounds")).ShouldBeAsync<PagedList<MyRoundDto>>(HttpStatusCode.OK);
        var open = mine.Items.Single(r => r.RoundId == round.Id);
        open.Next.ShouldNotBeNull().Position.ShouldBe(2);
        var reported = await (await johan.PostJsonAsync($"/api/v1/rounds/{round.Id}/things/{open.Next.ThingId}/report", new { text = "Nu har jag en blogg!" }))
            .ShouldBeAsync<ThingProgressDto>(HttpStatusCode.OK);
        (reported.Position, reported.ThingsReported).ShouldBe((2, 2));

        var answered = await (await karin.PostJsonAsync($"/api/v1/rounds/{round.Id}/survey/responses", new
            {
                answers = new[] { new { questionId = Domain.Feedback.Survey.WhatWasGood, text = "Att få ta en sak i taget." } },
            }))
            .ShouldBeAsync<ResponseReceipt>(HttpStatusCode.Created);
        answered.IsAnonymous.ShouldBeTrue();
    }

    private async Task<RoundDto> RoundOf2010Async()
    {
        var rounds = await (await Client.GetAsync("/api/v1/rounds")).ShouldBeAsync<PagedList<RoundDto>>(HttpStatusCode.OK);
        return rounds.Items.Single(r => r.KickOff == ReportRound.KickOff);
    }

    private async Task<RoundDto> OpenRoundAsync()
    {
        var rounds = await (await Client.GetAsync("/api/v1/rounds")).ShouldBeAsync<PagedList<RoundDto>>(HttpStatusCode.OK);
        return rounds.Items.Single(r => r.KickOff != ReportRound.KickOff);
    }

    /// <summary>Through the API's own sign-in, with the password the README gives.</summary>
    private async Task<HttpClient> SignInAsync(string email)
    {
        var tokens = await (await Factory.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email, password = DemoDataSeeder.DemoPassword }))
            .ShouldBeAsync<AuthTokens>(HttpStatusCode.OK);
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }

    private Task<bool> SeedAsync() => Factory.WithSystemScopeAsync(async services =>
    {
        await services.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
        return true;
    });
}

/// <summary>The API outside Development, asked to seed the demo.</summary>
public sealed class DemoSeedOutsideDevelopmentFactory() : ApiFactory(new() { ["Database:SeedDemoData"] = "true" });

public sealed class DemoSeedEnvironmentTests
{
    [Fact]
    public async Task Outside_development_the_api_refuses_to_start_with_the_demo_and_its_known_passwords()
    {
        var factory = new DemoSeedOutsideDevelopmentFactory();
        try
        {
            var failure = await Should.ThrowAsync<Exception>(factory.InitializeAsync());

            Messages(failure).ShouldContain(m => m.Contains("SeedDemoData", StringComparison.Ordinal) && m.Contains("outside Development", StringComparison.Ordinal));
        }
        finally
        {
            await factory.DisposeAsync();
        }
    }

    private static IEnumerable<string> Messages(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception.Message;
        }
    }
}
