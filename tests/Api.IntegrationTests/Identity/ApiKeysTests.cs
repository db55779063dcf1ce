using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Identity;
using EnSakITaget.Application.Libraries;
using EnSakITaget.Domain.Identity;

namespace EnSakITaget.Api.IntegrationTests.Identity;

public sealed class ApiKeysTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Url = "/api/v1/api-keys";

    [Fact]
    public async Task Creating_a_key_for_a_county_shows_the_whole_key_once()
    {
        var county = await Client.CreateCountyAsync();

        var response = await Client.PostJsonAsync(Url, new { name = "Regional statistik", libraryId = county.Id });

        var created = await response.ShouldBeAsync<CreatedApiKeyDto>(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"{Url}/{created.Id}");
        created.Name.ShouldBe("Regional statistik");
        created.LibraryId.ShouldBe(county.Id);
        created.Key.ShouldStartWith("esit.");
        created.Key.ShouldContain(created.Id.ToString("N"));
    }

    [Fact]
    public async Task Listing_keys_never_shows_their_secret()
    {
        var county = await Client.CreateCountyAsync();
        var created = await CreateKeyAsync(Client, county.Id);

        var response = await Client.GetAsync(Url);

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.ShouldContain(created.Id.ToString());
        body.ShouldNotContain(SecretOf(created.Key));
        var key = (await response.ShouldBeAsync<PagedList<ApiKeyDto>>(HttpStatusCode.OK)).Items.ShouldHaveSingleItem();
        key.Name.ShouldBe("Regional statistik");
        key.RevokedAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_key_reads_the_libraries_of_its_own_subtree_only()
    {
        var (jonkoping, varnamo, bor) = await Client.CreateSmallTreeAsync();
        var kronoberg = await Client.CreateCountyAsync("Kronobergs län", "07");
        var vaxjo = await Client.CreateMunicipalityAsync(kronoberg.Id, "Växjö kommuns bibliotek", "0780");
        var key = Factory.ClientWithKey((await CreateKeyAsync(Client, jonkoping.Id)).Key);

        var listed = await (await key.GetAsync(LibraryBuilder.Url)).ShouldBeAsync<PagedList<LibraryDto>>(HttpStatusCode.OK);
        var tree = await (await key.GetAsync($"{LibraryBuilder.Url}/{jonkoping.Id}/tree")).ShouldBeAsync<LibraryTreeDto>(HttpStatusCode.OK);

        listed.Items.Select(l => l.Id).ShouldBe([jonkoping.Id, varnamo.Id, bor.Id], ignoreOrder: true);
        tree.Children.ShouldHaveSingleItem().Id.ShouldBe(varnamo.Id);
        await (await key.GetAsync($"{LibraryBuilder.Url}/{kronoberg.Id}/tree")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await key.GetAsync($"{LibraryBuilder.Url}/{vaxjo.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("POST", "/api/v1/libraries")]
    [InlineData("GET", "/api/v1/users")]
    [InlineData("GET", "/api/v1/me")]
    [InlineData("GET", "/api/v1/api-keys")]
    [InlineData("GET", "/api/v1/audit")]
    public async Task A_key_is_refused_on_endpoints_that_are_not_for_integrations(string method, string url)
    {
        var county = await Client.CreateCountyAsync();
        var key = Factory.ClientWithKey((await CreateKeyAsync(Client, county.Id)).Key);
        var before = await SnapshotDataAsync();

        var response = method == "POST"
            ? await key.PostJsonAsync(url, new { type = "County", name = "Kronobergs län", countyCode = "07" })
            : await key.GetAsync(url);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_bearer_token_and_a_key_together_are_refused_rather_than_mixed(bool validKey)
    {
        var (county, municipality, _) = await Client.CreateSmallTreeAsync();
        var key = await (await Client.PostJsonAsync("/api/v1/api-keys", new { name = "Statistik", libraryId = county.Id }))
            .ShouldBeAsync<CreatedApiKeyDto>(HttpStatusCode.Created);
        var coordinator = await Factory.ClientAsAsync("samordnare@test.local", (Role.Coordinator, municipality.Id));
        coordinator.DefaultRequestHeaders.Add("X-Api-Key", validKey ? key.Key : "garbage");

        await (await coordinator.GetAsync(LibraryBuilder.Url)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_revoked_key_stops_working_at_once()
    {
        var county = await Client.CreateCountyAsync();
        var created = await CreateKeyAsync(Client, county.Id);
        var key = Factory.ClientWithKey(created.Key);
        (await key.GetAsync(LibraryBuilder.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Client.DeleteAsync($"{Url}/{created.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await key.GetAsync(LibraryBuilder.Url)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var listed = await (await Client.GetAsync(Url)).ShouldBeAsync<PagedList<ApiKeyDto>>(HttpStatusCode.OK);
        listed.Items.ShouldHaveSingleItem().RevokedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_key_with_the_right_shape_but_a_wrong_secret_answers_401()
    {
        var county = await Client.CreateCountyAsync();
        var created = await CreateKeyAsync(Client, county.Id);
        var forged = $"esit.{created.Id:N}.{new string('A', SecretOf(created.Key).Length)}";

        var response = await Factory.ClientWithKey(forged).GetAsync(LibraryBuilder.Url);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("esit.0195f3a1c2d34e5f8a9b0c1d2e3f4a5b.c2VjcmV0")]
    [InlineData("Bearer esit")]
    public async Task A_made_up_key_answers_401(string key)
    {
        await Client.CreateCountyAsync();

        var response = await Factory.ClientWithKey(key).GetAsync(LibraryBuilder.Url);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Using_a_key_records_when_it_was_last_used()
    {
        var county = await Client.CreateCountyAsync();
        var created = await CreateKeyAsync(Client, county.Id);
        (await ListKeysAsync(Client)).Single().LastUsedAt.ShouldBeNull();

        (await Factory.ClientWithKey(created.Key).GetAsync($"{LibraryBuilder.Url}/{county.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var lastUsed = (await ListKeysAsync(Client)).Single().LastUsedAt;
        lastUsed.ShouldNotBeNull();
        lastUsed.Value.ShouldBeGreaterThanOrEqualTo(created.CreatedAt);
    }

    [Fact]
    public async Task A_county_admin_cannot_issue_a_key_for_a_library_of_another_county()
    {
        var jonkoping = await Client.CreateCountyAsync("Jönköpings län", "06");
        var kronoberg = await Client.CreateCountyAsync("Kronobergs län", "07");
        var countyAdmin = await Factory.ClientAsAsync("lena@test.local", (Role.CountyAdmin, jonkoping.Id));
        var before = await SnapshotDataAsync();

        var response = await countyAdmin.PostJsonAsync(Url, new { name = "Grannens statistik", libraryId = kronoberg.Id });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "libraryId");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_county_admin_neither_sees_nor_revokes_a_key_of_another_county()
    {
        var jonkoping = await Client.CreateCountyAsync("Jönköpings län", "06");
        var kronoberg = await Client.CreateCountyAsync("Kronobergs län", "07");
        var own = await CreateKeyAsync(Client, jonkoping.Id);
        var others = await CreateKeyAsync(Client, kronoberg.Id);
        var countyAdmin = await Factory.ClientAsAsync("lena@test.local", (Role.CountyAdmin, jonkoping.Id));
        var before = await SnapshotDataAsync();

        (await ListKeysAsync(countyAdmin)).Select(k => k.Id).ShouldBe([own.Id]);
        await (await countyAdmin.DeleteAsync($"{Url}/{others.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await SnapshotDataAsync()).ShouldBe(before);
        (await Factory.ClientWithKey(others.Key).GetAsync($"{LibraryBuilder.Url}/{kronoberg.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_coordinator_may_not_issue_keys()
    {
        var (_, municipality, _) = await Client.CreateSmallTreeAsync();
        var coordinator = await Factory.ClientAsAsync("anna@test.local", (Role.Coordinator, municipality.Id));

        var response = await coordinator.PostJsonAsync(Url, new { name = "Egen nyckel", libraryId = municipality.Id });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private static async Task<CreatedApiKeyDto> CreateKeyAsync(HttpClient client, Guid libraryId) =>
        await (await client.PostJsonAsync(Url, new { name = "Regional statistik", libraryId }))
            .ShouldBeAsync<CreatedApiKeyDto>(HttpStatusCode.Created);

    private static async Task<IReadOnlyList<ApiKeyDto>> ListKeysAsync(HttpClient client) =>
        (await (await client.GetAsync(Url)).ShouldBeAsync<PagedList<ApiKeyDto>>(HttpStatusCode.OK)).Items;

    private static string SecretOf(string key) => key.Split('.')[2];
}
