using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Application.Libraries;
using EnSakITaget.Domain.Libraries;

namespace EnSakITaget.Api.IntegrationTests.Libraries;

public sealed class GetLibraryTreeTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_county_tree_holds_its_municipalities_and_their_units_with_staff_added_up()
    {
        var (county, varnamo, _) = await Client.CreateSmallTreeAsync();
        await Client.CreateUnitAsync(varnamo.Id, "MainLibrary", "Värnamo stadsbibliotek", 11);
        await Client.CreateUnitAsync(varnamo.Id, "Bookmobile", "Bokbussen", 2);
        var gnosjo = await Client.CreateMunicipalityAsync(county.Id, "Gnosjö kommuns bibliotek", "0617");
        await Client.CreateUnitAsync(gnosjo.Id, "MainLibrary", "Gnosjö bibliotek", 4);

        var tree = await (await Client.GetAsync($"{LibraryBuilder.Url}/{county.Id}/tree")).ShouldBeAsync<LibraryTreeDto>(HttpStatusCode.OK);

        tree.Type.ShouldBe(LibraryNodeType.County);
        tree.CountyCode.ShouldBe("06");
        tree.TotalStaffCount.ShouldBe(2 + 11 + 2 + 4);
        tree.Children.Select(m => m.MunicipalityCode).ShouldBe(["0617", "0683"]);
        var varnamoTree = tree.Children.Single(m => m.Id == varnamo.Id);
        varnamoTree.TotalStaffCount.ShouldBe(15);
        varnamoTree.Children.Select(u => u.Name).ShouldBe(["Bokbussen", "Bors bibliotek", "Värnamo stadsbibliotek"]);
        varnamoTree.Children.ShouldAllBe(u => u.Children.Count == 0);
    }

    [Fact]
    public async Task The_subtree_of_a_municipality_holds_only_its_own_units()
    {
        var (county, varnamo, branch) = await Client.CreateSmallTreeAsync();
        var gnosjo = await Client.CreateMunicipalityAsync(county.Id, "Gnosjö kommuns bibliotek", "0617");
        await Client.CreateUnitAsync(gnosjo.Id, "MainLibrary", "Gnosjö bibliotek", 4);

        var tree = await (await Client.GetAsync($"{LibraryBuilder.Url}/{varnamo.Id}/tree")).ShouldBeAsync<LibraryTreeDto>(HttpStatusCode.OK);

        tree.Id.ShouldBe(varnamo.Id);
        tree.Children.ShouldHaveSingleItem().Id.ShouldBe(branch.Id);
    }

    [Fact]
    public async Task The_tree_of_an_unknown_library_answers_404()
    {
        await (await Client.GetAsync($"{LibraryBuilder.Url}/{Guid.NewGuid()}/tree")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
