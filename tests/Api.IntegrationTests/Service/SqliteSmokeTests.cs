using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Identity;
using EnSakITaget.Application.Libraries;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EnSakITaget.Api.IntegrationTests.Service;

/// <summary>The zero-setup default in Development: no configuration but a data folder; the API runs on an embedded SQLite file with the documented dev login.</summary>
public sealed class SqliteSmokeTests : IDisposable
{
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), $"ensakitaget-smoke-{Guid.NewGuid():N}");
    private readonly WebApplicationFactory<Program> factory;

    public SqliteSmokeTests()
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            builder.UseSetting($"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.DataFolder)}", dataFolder));
    }

    [Fact]
    public async Task On_the_default_provider_the_api_creates_its_sqlite_file_signs_in_the_dev_admin_and_stores_libraries()
    {
        using var client = factory.CreateClient();

        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var tokens = await (await client.PostJsonAsync("/api/v1/auth/login", new { email = "admin@ensakitaget.local", password = "Utveckling-2010!" }))
            .ShouldBeAsync<AuthTokens>(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        File.Exists(Path.Combine(dataFolder, "ensakitaget.db")).ShouldBeTrue();
        (await client.GetAsync("/swagger/v1/swagger.json")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (county, _, branch) = await client.CreateSmallTreeAsync();
        var tree = await (await client.GetAsync($"{LibraryBuilder.Url}/{county.Id}/tree")).ShouldBeAsync<LibraryTreeDto>(HttpStatusCode.OK);
        tree.Children.ShouldHaveSingleItem().Children.ShouldHaveSingleItem().Id.ShouldBe(branch.Id);
        await (await client.PostJsonAsync(LibraryBuilder.Url, new { type = "County", name = "Igen", countyCode = "06" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    public void Dispose()
    {
        factory.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }
}
