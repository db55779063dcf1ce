using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Api.IntegrationTests.Courses;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Courses;
using EnSakITaget.Domain.Courses;
using EnSakITaget.Application.Libraries;
using EnSakITaget.Application.Participants;
using EnSakITaget.Application.Participants.GetManagerParticipation;
using EnSakITaget.Application.Participants.GetProgressMatrix;
using EnSakITaget.Application.Participants.GetSpread;
using EnSakITaget.Domain.Libraries;
using EnSakITaget.Infrastructure.Persistence.Seeding;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task The_demo_seed_holds_the_reports_course_and_varnamos_round_of_2010_running_on_its_plan()
    {
        Factory.Clock.SetLocal(new DateOnly(2010, 3, 20));
        await SeedAsync();

        var courses = await (await Client.GetAsync("/api/v1/courses")).ShouldBeAsync<PagedList<CourseDto>>(HttpStatusCode.OK);
        var course = courses.Items.ShouldHaveSingleItem();
        course.Title.ShouldBe("Sociala medier");
        course.Status.ShouldBe(CourseStatus.Published);
        course.Things.Select(t => t.Title).ShouldBe(ReportRound.Things);

        var rounds = await (await Client.GetAsync("/api/v1/rounds")).ShouldBeAsync<PagedList<RoundDto>>(HttpStatusCode.OK);
        var round = rounds.Items.ShouldHaveSingleItem();
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

        var rounds = await (await Client.GetAsync("/api/v1/rounds")).ShouldBeAsync<PagedList<RoundDto>>(HttpStatusCode.OK);
        var round = rounds.Items.ShouldHaveSingleItem();

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

    private Task<bool> SeedAsync() => Factory.WithSystemScopeAsync(async services =>
    {
        await services.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
        return true;
    });
}
