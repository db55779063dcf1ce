using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Application.Libraries;
using EnSakITaget.Domain.Libraries;

namespace EnSakITaget.Api.IntegrationTests.Libraries;

public sealed class UpdateLibraryTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Renaming_a_branch_and_changing_its_staff_count_is_saved()
    {
        var (_, municipality, branch) = await Client.CreateSmallTreeAsync();

        var updated = await (await Client.PutJsonAsync($"{LibraryBuilder.Url}/{branch.Id}",
                new { type = "Branch", name = "Bor bibliotek", parentId = municipality.Id, staffCount = 3 }))
            .ShouldBeAsync<LibraryDto>(HttpStatusCode.OK);

        updated.Name.ShouldBe("Bor bibliotek");
        updated.StaffCount.ShouldBe(3);
        var read = await (await Client.GetAsync($"{LibraryBuilder.Url}/{branch.Id}")).ShouldBeAsync<LibraryDto>(HttpStatusCode.OK);
        read.ShouldBe(updated);
    }

    [Fact]
    public async Task A_branch_moves_to_another_municipality_and_may_become_a_main_library()
    {
        var (county, _, branch) = await Client.CreateSmallTreeAsync();
        var gnosjo = await Client.CreateMunicipalityAsync(county.Id, "Gnosjö kommuns bibliotek", "0617");

        var moved = await (await Client.PutJsonAsync($"{LibraryBuilder.Url}/{branch.Id}",
                new { type = "MainLibrary", name = "Gnosjö bibliotek", parentId = gnosjo.Id, staffCount = 4 }))
            .ShouldBeAsync<LibraryDto>(HttpStatusCode.OK);

        moved.ParentId.ShouldBe(gnosjo.Id);
        moved.Type.ShouldBe(LibraryNodeType.MainLibrary);
    }

    [Fact]
    public async Task A_municipality_placed_under_itself_answers_409_and_changes_nothing()
    {
        var (_, municipality, _) = await Client.CreateSmallTreeAsync();
        var before = await SnapshotDataAsync();

        var response = await Client.PutJsonAsync($"{LibraryBuilder.Url}/{municipality.Id}",
            new { type = "Municipality", name = "Värnamo", parentId = municipality.Id, municipalityCode = "0683" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("under itself");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_municipality_cannot_become_a_branch()
    {
        var (county, municipality, _) = await Client.CreateSmallTreeAsync();
        var other = await Client.CreateMunicipalityAsync(county.Id, "Gnosjö kommuns bibliotek", "0617");
        var before = await SnapshotDataAsync();

        var response = await Client.PutJsonAsync($"{LibraryBuilder.Url}/{municipality.Id}",
            new { type = "Branch", name = "Värnamo", parentId = other.Id, staffCount = 1 });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Taking_a_municipality_code_already_used_in_the_county_answers_409()
    {
        var (county, municipality, _) = await Client.CreateSmallTreeAsync();
        await Client.CreateMunicipalityAsync(county.Id, "Gnosjö kommuns bibliotek", "0617");
        var before = await SnapshotDataAsync();

        var response = await Client.PutJsonAsync($"{LibraryBuilder.Url}/{municipality.Id}",
            new { type = "Municipality", name = "Värnamo", parentId = county.Id, municipalityCode = "0617" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Keeping_its_own_code_is_not_a_clash()
    {
        var (county, municipality, _) = await Client.CreateSmallTreeAsync();

        var response = await Client.PutJsonAsync($"{LibraryBuilder.Url}/{municipality.Id}",
            new { type = "Municipality", name = "Värnamo bibliotek", parentId = county.Id, municipalityCode = "0683" });

        (await response.ShouldBeAsync<LibraryDto>(HttpStatusCode.OK)).Name.ShouldBe("Värnamo bibliotek");
    }

    [Theory]
    [InlineData("""{"type":"Branch","name":"","parentId":"{municipality}","staffCount":1}""", "name")]
    [InlineData("""{"type":"Branch","name":"Bor","parentId":"{municipality}","staffCount":-5}""", "staffCount")]
    [InlineData("""{"type":"Branch","name":"Bor","parentId":"{municipality}","staffCount":1,"id":"{municipality}"}""", "id")]
    [InlineData("""{"type":"Branch","name":"Bor","parentId":"{municipality}","staffCount":true}""", "staffCount")]
    public async Task An_update_with_a_bad_field_answers_400_and_changes_nothing(string body, string field)
    {
        var (_, municipality, branch) = await Client.CreateSmallTreeAsync();
        var before = await SnapshotDataAsync();

        var response = await Client.SendRawJsonAsync(HttpMethod.Put, $"{LibraryBuilder.Url}/{branch.Id}",
            body.Replace("{municipality}", municipality.Id.ToString()));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Malformed_json_in_an_update_answers_400_and_changes_nothing()
    {
        var (_, _, branch) = await Client.CreateSmallTreeAsync();
        var before = await SnapshotDataAsync();

        var response = await Client.SendRawJsonAsync(HttpMethod.Put, $"{LibraryBuilder.Url}/{branch.Id}", """{"name": """);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Updating_a_library_that_does_not_exist_answers_404()
    {
        var (_, municipality, _) = await Client.CreateSmallTreeAsync();

        var response = await Client.PutJsonAsync($"{LibraryBuilder.Url}/{Guid.NewGuid()}",
            new { type = "Branch", name = "Bor", parentId = municipality.Id, staffCount = 1 });

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
