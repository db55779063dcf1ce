using System.Text.Json.Nodes;

namespace EnSakITaget.Api.IntegrationTests.Common.OpenApi;

public sealed class WebClientDocumentTests(ApiFactory factory) : ApiTest(factory)
{
    /// <summary>src/Web builds its API client from this copy of the document; the copy must be what the API serves.</summary>
    [Fact]
    public async Task The_document_the_web_apps_client_is_generated_from_is_the_one_the_api_serves()
    {
        var served = JsonNode.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json"));
        var committedPath = Path.Combine(RepositoryRoot(), "src", "Web", "Common", "Api", "openapi.json");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(committedPath));

        JsonNode.DeepEquals(served, committed).ShouldBeTrue(
            "src/Web/Common/Api/openapi.json differs from /swagger/v1/swagger.json: save the served document there and build src/Web, " +
            "whose generated client then shows which pages the change breaks.");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "EnSakITaget.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (EnSakITaget.sln) is not above the test's folder.");
    }
}
