using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Application.Libraries;
using EnSakITaget.Domain.Libraries;

namespace EnSakITaget.Api.IntegrationTests.Libraries;

public sealed class CreateLibraryTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Creating_a_county_answers_201_with_its_location_and_details()
    {
        var response = await Client.PostJsonAsync(LibraryBuilder.Url, new { type = "County", name = "Jönköpings län", countyCode = "06" });

        var county = await response.ShouldBeAsync<LibraryDto>(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/libraries/{county.Id}");
        county.Type.ShouldBe(LibraryNodeType.County);
        county.Name.ShouldBe("Jönköpings län");
        county.CountyCode.ShouldBe("06");
        county.ParentId.ShouldBeNull();
        county.StaffCount.ShouldBeNull();
    }

    [Fact]
    public async Task A_municipality_and_each_kind_of_unit_are_placed_in_the_tree()
    {
        var county = await Client.CreateCountyAsync();
        var municipality = await Client.CreateMunicipalityAsync(county.Id, "Värnamo kommuns bibliotek", "0683");
        var main = await Client.CreateUnitAsync(municipality.Id, "MainLibrary", "Värnamo stadsbibliotek", 11);
        var branch = await Client.CreateUnitAsync(municipality.Id, "Branch", "Bors bibliotek", 2);
        var bookmobile = await Client.CreateUnitAsync(municipality.Id, "Bookmobile", "Bokbussen", 2);

        municipality.ParentId.ShouldBe(county.Id);
        municipality.MunicipalityCode.ShouldBe("0683");
        main.Type.ShouldBe(LibraryNodeType.MainLibrary);
        main.StaffCount.ShouldBe(11);
        branch.ParentId.ShouldBe(municipality.Id);
        bookmobile.Type.ShouldBe(LibraryNodeType.Bookmobile);
    }

    [Theory]
    [InlineData("""{"type":"County","name":"","countyCode":"06"}""", "name")]
    [InlineData("""{"type":"County","name":"   ","countyCode":"06"}""", "name")]
    [InlineData("""{"type":"County","countyCode":"06"}""", "name")]
    [InlineData("""{"name":"Utan typ","countyCode":"06"}""", "type")]
    [InlineData("""{"type":"County","name":"Län","countyCode":"6"}""", "countyCode")]
    [InlineData("""{"type":"County","name":"Län"}""", "countyCode")]
    [InlineData("""{"type":"County","name":"Län","countyCode":"07","staffCount":3}""", "staffCount")]
    [InlineData("""{"type":"County","name":"Län","countyCode":"07","parentId":"{county}"}""", "parentId")]
    [InlineData("""{"type":"Municipality","name":"Gnosjö","parentId":"{county}","municipalityCode":"617"}""", "municipalityCode")]
    [InlineData("""{"type":"Municipality","name":"Gnosjö","parentId":"{county}","municipalityCode":"06a7"}""", "municipalityCode")]
    [InlineData("""{"type":"Municipality","name":"Gnosjö","parentId":"{county}","municipalityCode":"06170"}""", "municipalityCode")]
    [InlineData("""{"type":"Municipality","name":"Gnosjö","parentId":"{county}"}""", "municipalityCode")]
    [InlineData("""{"type":"Municipality","name":"Gnosjö","municipalityCode":"0617"}""", "parentId")]
    [InlineData("""{"type":"Branch","name":"Bredaryd","parentId":"{municipality}"}""", "staffCount")]
    [InlineData("""{"type":"Branch","name":"Bredaryd","parentId":"{municipality}","staffCount":-1}""", "staffCount")]
    [InlineData("""{"type":"Branch","name":"Bredaryd","parentId":"{municipality}","staffCount":1,"municipalityCode":"0683"}""", "municipalityCode")]
    [InlineData("""{"type":"Branch","name":"Bredaryd","parentId":"{municipality}","staffCount":1,"countyCode":"06"}""", "countyCode")]
    [InlineData("""{"type":"Branch","name":"Bredaryd","parentId":"00000000-0000-0000-0000-000000000001","staffCount":1}""", "parentId")]
    [InlineData("""{"type":"Branch","name":"Bredaryd","parentId":"{municipality}","staffCount":"två"}""", "staffCount")]
    [InlineData("""{"type":"Castle","name":"Slottet","parentId":"{municipality}","staffCount":1}""", "type")]
    [InlineData("""{"type":2,"name":"Bredaryd","parentId":"{municipality}","staffCount":1}""", "type")]
    [InlineData("""{"type":"Branch","name":"Bredaryd","parentId":"inte-ett-id","staffCount":1}""", "parentId")]
    [InlineData("""{"type":"Branch","name":"Bredaryd","parentId":"{municipality}","staffCount":1,"floor":3}""", "floor")]
    public async Task A_create_with_a_bad_field_answers_400_naming_the_field_and_saves_nothing(string body, string field)
    {
        var (county, municipality, _) = await Client.CreateSmallTreeAsync();
        var before = await SnapshotDataAsync();

        var response = await Client.SendRawJsonAsync(HttpMethod.Post, LibraryBuilder.Url,
            body.Replace("{county}", county.Id.ToString()).Replace("{municipality}", municipality.Id.ToString()));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_over_long_name_is_refused_with_400()
    {
        var response = await Client.PostJsonAsync(LibraryBuilder.Url, new { type = "County", name = new string('x', 201), countyCode = "06" });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "name");
    }

    [Theory]
    [InlineData("""{"type":"County","name":"Jönköpings""")]
    [InlineData("""not json""")]
    [InlineData("""["County"]""")]
    [InlineData("")]
    public async Task Malformed_json_answers_400_and_saves_nothing(string body)
    {
        await Client.CreateSmallTreeAsync();
        var before = await SnapshotDataAsync();

        var response = await Client.SendRawJsonAsync(HttpMethod.Post, LibraryBuilder.Url, body);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_body_that_is_not_json_answers_415()
    {
        var response = await Client.PostAsync(LibraryBuilder.Url, new StringContent("type=County", System.Text.Encoding.UTF8, "text/plain"));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("""{"type":"Branch","name":"Filial","parentId":"{county}","staffCount":1}""", "must be placed under a Municipality")]
    [InlineData("""{"type":"Municipality","name":"Kommun","parentId":"{municipality}","municipalityCode":"0617"}""", "must be placed under a County")]
    [InlineData("""{"type":"Municipality","name":"Kommun","parentId":"{branch}","municipalityCode":"0617"}""", "must be placed under a County")]
    [InlineData("""{"type":"Bookmobile","name":"Buss","parentId":"{branch}","staffCount":1}""", "must be placed under a Municipality")]
    [InlineData("""{"type":"Municipality","name":"Värnamo igen","parentId":"{county}","municipalityCode":"0683"}""", "already used in this county")]
    [InlineData("""{"type":"Municipality","name":"Växjö","parentId":"{county}","municipalityCode":"0780"}""", "does not belong to county 06")]
    [InlineData("""{"type":"County","name":"Jönköping igen","countyCode":"06"}""", "already used by another county")]
    public async Task A_node_that_does_not_fit_the_tree_answers_409_and_saves_nothing(string body, string reason)
    {
        var (county, municipality, branch) = await Client.CreateSmallTreeAsync();
        var before = await SnapshotDataAsync();

        var response = await Client.SendRawJsonAsync(HttpMethod.Post, LibraryBuilder.Url, body
            .Replace("{county}", county.Id.ToString())
            .Replace("{municipality}", municipality.Id.ToString())
            .Replace("{branch}", branch.Id.ToString()));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain(reason);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_same_municipality_code_may_stand_once_in_each_county()
    {
        var jonkoping = await Client.CreateCountyAsync("Jönköpings län", "06");
        var kronoberg = await Client.CreateCountyAsync("Kronobergs län", "07");
        await Client.CreateMunicipalityAsync(jonkoping.Id, "Värnamo kommuns bibliotek", "0683");

        var vaxjo = await Client.CreateMunicipalityAsync(kronoberg.Id, "Växjö kommuns bibliotek", "0780");

        vaxjo.ParentId.ShouldBe(kronoberg.Id);
    }
}
