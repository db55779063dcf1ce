using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;

namespace EnSakITaget.Api.IntegrationTests.Libraries;

public sealed class DeleteLibraryTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Deleting_a_branch_answers_204_and_it_is_gone()
    {
        var (_, _, branch) = await Client.CreateSmallTreeAsync();

        (await Client.DeleteAsync($"{LibraryBuilder.Url}/{branch.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await Client.GetAsync($"{LibraryBuilder.Url}/{branch.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_a_municipality_that_still_has_units_answers_409_and_deletes_nothing()
    {
        var (_, municipality, _) = await Client.CreateSmallTreeAsync();
        var before = await SnapshotDataAsync();

        var problem = await (await Client.DeleteAsync($"{LibraryBuilder.Url}/{municipality.Id}"))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem.GetProperty("detail").GetString()!.ShouldContain("1 library under it");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Deleting_a_library_that_does_not_exist_answers_404()
    {
        await (await Client.DeleteAsync($"{LibraryBuilder.Url}/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
