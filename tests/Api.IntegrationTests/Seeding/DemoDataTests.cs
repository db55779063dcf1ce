using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Api.IntegrationTests.Courses;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Courses;
using EnSakITaget.Domain.Courses;
using EnSakITaget.Application.Libraries;
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

    private Task<bool> SeedAsync() => Factory.WithSystemScopeAsync(async services =>
    {
        await services.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
        return true;
    });
}
