using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Application.Libraries;

namespace EnSakITaget.Api.IntegrationTests.Libraries;

public sealed class GetLibraryTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_library_is_read_back_as_it_was_created()
    {
        var (_, municipality, _) = await Client.CreateSmallTreeAsync();

        var read = await (await Client.GetAsync($"{LibraryBuilder.Url}/{municipality.Id}")).ShouldBeAsync<LibraryDto>(HttpStatusCode.OK);

        read.ShouldBe(municipality);
    }

    [Fact]
    public async Task An_unknown_id_answers_404_as_a_problem_document()
    {
        var problem = await (await Client.GetAsync($"{LibraryBuilder.Url}/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        problem.GetProperty("detail").GetString()!.ShouldContain("was not found");
    }

    [Fact]
    public async Task An_id_that_is_not_a_guid_answers_404()
    {
        await (await Client.GetAsync($"{LibraryBuilder.Url}/not-a-guid")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
