using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Application.Libraries;

namespace EnSakITaget.Api.IntegrationTests.Libraries;

/// <summary>Builds a piece of the organisation tree through the API.</summary>
public static class LibraryBuilder
{
    public const string Url = "/api/v1/libraries";

    public static async Task<LibraryDto> CreateCountyAsync(this HttpClient client, string name = "Jönköpings län", string code = "06") =>
        await (await client.PostJsonAsync(Url, new { type = "County", name, countyCode = code }))
            .ShouldBeAsync<LibraryDto>(HttpStatusCode.Created);

    public static async Task<LibraryDto> CreateMunicipalityAsync(this HttpClient client, Guid countyId, string name = "Värnamo kommuns bibliotek", string code = "0683") =>
        await (await client.PostJsonAsync(Url, new { type = "Municipality", name, parentId = countyId, municipalityCode = code }))
            .ShouldBeAsync<LibraryDto>(HttpStatusCode.Created);

    public static async Task<LibraryDto> CreateUnitAsync(this HttpClient client, Guid municipalityId, string type = "Branch", string name = "Bors bibliotek", int staffCount = 2) =>
        await (await client.PostJsonAsync(Url, new { type, name, parentId = municipalityId, staffCount }))
            .ShouldBeAsync<LibraryDto>(HttpStatusCode.Created);

    public static async Task<(LibraryDto County, LibraryDto Municipality, LibraryDto Branch)> CreateSmallTreeAsync(this HttpClient client)
    {
        var county = await client.CreateCountyAsync();
        var municipality = await client.CreateMunicipalityAsync(county.Id);
        var branch = await client.CreateUnitAsync(municipality.Id);
        return (county, municipality, branch);
    }
}
