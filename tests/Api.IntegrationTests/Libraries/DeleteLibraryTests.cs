using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Application.Identity;
using EnSakITaget.Domain.Identity;

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
    public async Task Deleting_a_unit_where_an_account_has_a_role_answers_409_and_deletes_nothing()
    {
        var (_, _, branch) = await Client.CreateSmallTreeAsync();
        await Factory.CreateUserAsync("anna@test.local", (Role.Participant, branch.Id));
        var before = await SnapshotDataAsync();

        var problem = await (await Client.DeleteAsync($"{LibraryBuilder.Url}/{branch.Id}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem.GetProperty("detail").GetString()!.ShouldContain("1 account's role");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_unrevoked_integration_key_keeps_its_library_but_a_revoked_one_does_not()
    {
        var (_, _, branch) = await Client.CreateSmallTreeAsync();
        var key = await (await Client.PostJsonAsync("/api/v1/api-keys", new { name = "Filialstatistik", libraryId = branch.Id }))
            .ShouldBeAsync<CreatedApiKeyDto>(HttpStatusCode.Created);

        var problem = await (await Client.DeleteAsync($"{LibraryBuilder.Url}/{branch.Id}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("1 integration key");

        (await Client.DeleteAsync($"/api/v1/api-keys/{key.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Client.DeleteAsync($"{LibraryBuilder.Url}/{branch.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Deleting_a_library_that_does_not_exist_answers_404()
    {
        await (await Client.DeleteAsync($"{LibraryBuilder.Url}/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
