using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Libraries;
using EnSakITaget.Domain.Libraries;

namespace EnSakITaget.Api.IntegrationTests.Libraries;

public sealed class ListLibrariesTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Libraries_are_filtered_by_parent_and_by_type()
    {
        var (county, municipality, branch) = await Client.CreateSmallTreeAsync();
        var main = await Client.CreateUnitAsync(municipality.Id, "MainLibrary", "Värnamo stadsbibliotek", 11);
        await Client.CreateMunicipalityAsync(county.Id, "Gnosjö kommuns bibliotek", "0617");

        var underVarnamo = await (await Client.GetAsync($"{LibraryBuilder.Url}?parentId={municipality.Id}"))
            .ShouldBeAsync<PagedList<LibraryDto>>(HttpStatusCode.OK);
        var branches = await (await Client.GetAsync($"{LibraryBuilder.Url}?type=Branch"))
            .ShouldBeAsync<PagedList<LibraryDto>>(HttpStatusCode.OK);
        var municipalities = await (await Client.GetAsync($"{LibraryBuilder.Url}?parentId={county.Id}&type=Municipality"))
            .ShouldBeAsync<PagedList<LibraryDto>>(HttpStatusCode.OK);

        underVarnamo.Items.Select(l => l.Id).ShouldBe([branch.Id, main.Id], ignoreOrder: true);
        branches.Items.ShouldHaveSingleItem().Id.ShouldBe(branch.Id);
        municipalities.TotalCount.ShouldBe(2);
        municipalities.Items.ShouldAllBe(l => l.Type == LibraryNodeType.Municipality);
    }

    [Fact]
    public async Task A_list_comes_a_page_at_a_time_with_the_total_count()
    {
        var county = await Client.CreateCountyAsync();
        foreach (var (name, code) in new[] { ("Aneby", "0604"), ("Gnosjö", "0617"), ("Mullsjö", "0642"), ("Habo", "0643"), ("Gislaved", "0662") })
        {
            await Client.CreateMunicipalityAsync(county.Id, name, code);
        }

        var page2 = await (await Client.GetAsync($"{LibraryBuilder.Url}?type=Municipality&page=2&pageSize=2"))
            .ShouldBeAsync<PagedList<LibraryDto>>(HttpStatusCode.OK);

        page2.Page.ShouldBe(2);
        page2.PageSize.ShouldBe(2);
        page2.TotalCount.ShouldBe(5);
        page2.Items.Select(l => l.Name).ShouldBe(["Gnosjö", "Habo"]);
    }

    [Fact]
    public async Task Without_paging_arguments_the_first_page_of_fifty_is_returned()
    {
        await Client.CreateSmallTreeAsync();

        var list = await (await Client.GetAsync(LibraryBuilder.Url)).ShouldBeAsync<PagedList<LibraryDto>>(HttpStatusCode.OK);

        list.Page.ShouldBe(1);
        list.PageSize.ShouldBe(50);
        list.TotalCount.ShouldBe(3);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=2147483647&pageSize=200", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("page=abc", "page")]
    [InlineData("type=Castle", "type")]
    [InlineData("parentId=not-a-guid", "parentId")]
    public async Task A_bad_filter_or_paging_argument_answers_400_naming_it(string query, string field)
    {
        await (await Client.GetAsync($"{LibraryBuilder.Url}?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
    }
}
