using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Audit.ListAuditEntries;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Courses;
using EnSakITaget.Application.Libraries;
using EnSakITaget.Application.Participants;
using EnSakITaget.Domain.Identity;

namespace EnSakITaget.Api.IntegrationTests.Access;

/// <summary>Someone with roles in two places acts in each with that place's role only.</summary>
public sealed class MixedRolesTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_coordinator_who_takes_part_as_a_participant_elsewhere_manages_only_their_own_organisation()
    {
        var (county, varnamo, _) = await Client.CreateSmallTreeAsync();
        var gnosjo = await Client.CreateMunicipalityAsync(county.Id, "Gnosjö kommuns bibliotek", "0617");
        var gnosjoLibrary = await Client.CreateUnitAsync(gnosjo.Id, "MainLibrary", "Gnosjö bibliotek", 4);
        await (await Client.PostJsonAsync("/api/v1/participants", new { name = "Greta Gran", email = "greta@gnosjo.example.se", unitId = gnosjoLibrary.Id }))
            .ShouldBeAsync<StaffMemberDto>(HttpStatusCode.Created);
        var both = await Factory.ClientAsAsync("dubbel@varnamo.example.se", (Role.Coordinator, varnamo.Id), (Role.Participant, gnosjoLibrary.Id));
        var before = await SnapshotDataAsync();

        var staff = await (await both.GetAsync("/api/v1/participants")).ShouldBeAsync<PagedList<StaffMemberDto>>(HttpStatusCode.OK);
        var libraries = await (await both.GetAsync($"{LibraryBuilder.Url}?pageSize=200")).ShouldBeAsync<PagedList<LibraryDto>>(HttpStatusCode.OK);
        var create = await both.PostJsonAsync("/api/v1/participants", new { name = "Ny", email = "ny@gnosjo.example.se", unitId = gnosjoLibrary.Id });

        staff.Items.ShouldBeEmpty();
        libraries.Items.Select(l => l.Id).ShouldNotContain(gnosjoLibrary.Id);
        await create.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "unitId");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_county_admin_who_coordinates_in_another_county_reads_its_courses_but_administers_only_their_own_county()
    {
        var jonkoping = await Client.CreateCountyAsync("Jönköpings län", "06");
        var kronoberg = await Client.CreateCountyAsync("Kronobergs län", "07");
        var vaxjo = await Client.CreateMunicipalityAsync(kronoberg.Id, "Växjö kommuns bibliotek", "0780");
        var course = await (await Client.PostJsonAsync("/api/v1/courses", new { countyId = kronoberg.Id, title = "Kronobergs kurs", language = "sv" }))
            .ShouldBeAsync<CourseDto>(HttpStatusCode.Created);
        var both = await Factory.ClientAsAsync("dubbel@lan.example.se", (Role.CountyAdmin, jonkoping.Id), (Role.Coordinator, vaxjo.Id));
        var before = await SnapshotDataAsync();

        (await both.GetAsync($"/api/v1/courses/{course.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await both.PutJsonAsync($"/api/v1/courses/{course.Id}", new { title = "Kapad", language = "sv" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await both.PostJsonAsync("/api/v1/api-keys", new { name = "Växjö", libraryId = vaxjo.Id })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "libraryId");
        await (await both.PutJsonAsync($"{LibraryBuilder.Url}/{vaxjo.Id}", new { type = "Municipality", name = "Kapad", parentId = kronoberg.Id, municipalityCode = "0780" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var audit = await (await both.GetAsync("/api/v1/audit?pageSize=200")).ShouldBeAsync<PagedList<AuditEntryDto>>(HttpStatusCode.OK);
        audit.Items.ShouldAllBe(e => e.LibraryId == jonkoping.Id);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_account_shows_a_coordinator_only_its_roles_in_the_coordinators_own_organisation()
    {
        var (county, varnamo, bor) = await Client.CreateSmallTreeAsync();
        var gnosjo = await Client.CreateMunicipalityAsync(county.Id, "Gnosjö kommuns bibliotek", "0617");
        var both = await Factory.CreateUserAsync("dubbel@bibliotek.example.se", (Role.Participant, bor.Id), (Role.Coordinator, gnosjo.Id));
        var coordinator = await Factory.ClientAsAsync("samordnare@varnamo.example.se", (Role.Coordinator, varnamo.Id));

        var seen = await (await coordinator.GetAsync($"/api/v1/users/{both.Id}")).ShouldBeAsync<Application.Identity.UserDto>(HttpStatusCode.OK);

        seen.Roles.ShouldHaveSingleItem().LibraryId.ShouldBe(bor.Id);
        (await (await Client.GetAsync($"/api/v1/users/{both.Id}")).ShouldBeAsync<Application.Identity.UserDto>(HttpStatusCode.OK)).Roles.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_county_admin_cannot_give_their_county_the_code_of_another_county()
    {
        await Client.CreateCountyAsync("Jönköpings län", "06");
        var kronoberg = await Client.CreateCountyAsync("Kronobergs län", "07");
        var countyAdmin = await Factory.ClientAsAsync("lan@kronoberg.example.se", (Role.CountyAdmin, kronoberg.Id));

        await (await countyAdmin.PutJsonAsync($"{LibraryBuilder.Url}/{kronoberg.Id}", new { type = "County", name = "Kronobergs län", countyCode = "06" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }
}
