using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Identity.GetMe;
using EnSakITaget.Domain.Identity;

namespace EnSakITaget.Api.IntegrationTests.Identity;

public sealed class MeTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Url = "/api/v1/me";

    [Fact]
    public async Task An_administrator_sees_their_role_and_no_library_count()
    {
        var me = await (await Client.GetAsync(Url)).ShouldBeAsync<MeDto>(HttpStatusCode.OK);

        me.Id.ShouldBe(Administrator.Id);
        me.Email.ShouldBe("admin@test.local");
        var role = me.Roles.ShouldHaveSingleItem();
        role.Role.ShouldBe(Role.Administrator);
        role.LibraryId.ShouldBeNull();
        role.LibraryName.ShouldBeNull();
        me.LibraryCount.ShouldBeNull();
    }

    [Fact]
    public async Task A_coordinator_of_Värnamo_sees_the_library_by_name_and_counts_the_municipality_and_its_units()
    {
        var county = await Client.CreateCountyAsync();
        var varnamo = await Client.CreateMunicipalityAsync(county.Id, "Värnamo kommuns bibliotek", "0683");
        await Client.CreateUnitAsync(varnamo.Id, "MainLibrary", "Värnamo stadsbibliotek", 11);
        await Client.CreateUnitAsync(varnamo.Id, "Branch", "Bors bibliotek", 2);
        var gislaved = await Client.CreateMunicipalityAsync(county.Id, "Gislaveds kommuns bibliotek", "0662");
        await Client.CreateUnitAsync(gislaved.Id, "Branch", "Anderstorps bibliotek", 3);
        var coordinator = await Factory.ClientAsAsync("anna@test.local", (Role.Coordinator, varnamo.Id));

        var me = await (await coordinator.GetAsync(Url)).ShouldBeAsync<MeDto>(HttpStatusCode.OK);

        me.Email.ShouldBe("anna@test.local");
        var role = me.Roles.ShouldHaveSingleItem();
        role.Role.ShouldBe(Role.Coordinator);
        role.LibraryId.ShouldBe(varnamo.Id);
        role.LibraryName.ShouldBe("Värnamo kommuns bibliotek");
        me.LibraryCount.ShouldBe(3);
    }

    [Fact]
    public async Task A_participant_may_read_their_own_profile()
    {
        var (_, _, branch) = await Client.CreateSmallTreeAsync();
        var participant = await Factory.ClientAsAsync("bo@test.local", (Role.Participant, branch.Id));

        var me = await (await participant.GetAsync(Url)).ShouldBeAsync<MeDto>(HttpStatusCode.OK);

        me.Roles.ShouldHaveSingleItem().LibraryName.ShouldBe(branch.Name);
        me.LibraryCount.ShouldBe(1);
    }

    [Fact]
    public async Task Without_a_token_me_answers_401()
    {
        var response = await Factory.CreateClient().GetAsync(Url);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}
