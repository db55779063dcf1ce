using System.Net;
using System.Text.Json;
using EnSakITaget.Api.IntegrationTests.Common;

namespace EnSakITaget.Api.IntegrationTests.Service;

public sealed class ServiceEndpointsTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Liveness_and_readiness_answer_200_when_the_database_is_up()
    {
        (await Client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var ready = await (await Client.GetAsync("/health/ready")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

        ready.GetProperty("status").GetString().ShouldBe("Healthy");
        ready.GetProperty("checks").GetProperty("database").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task The_swagger_ui_is_served()
    {
        var response = await Client.GetAsync("/swagger/index.html");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("swagger-ui");
    }

    [Fact]
    public async Task Every_api_operation_has_a_summary_a_success_response_and_its_error_codes()
    {
        var document = await (await Client.GetAsync("/swagger/v1/swagger.json")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

        var operations = document.GetProperty("paths").EnumerateObject()
            .Where(path => path.Name.StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Route: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();

        operations.Count.ShouldBeGreaterThanOrEqualTo(6);
        foreach (var (route, operation) in operations)
        {
            operation.TryGetProperty("summary", out var summary).ShouldBeTrue($"{route} has no summary");
            summary.GetString().ShouldNotBeNullOrWhiteSpace();
            var responses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            responses.ShouldContain(code => code.StartsWith('2'), $"{route} documents no success response");
            responses.ShouldContain(code => code.StartsWith('4'), $"{route} documents no error response");
        }
    }

    [Fact]
    public async Task The_library_schema_lists_the_node_types_by_name()
    {
        var document = await (await Client.GetAsync("/swagger/v1/swagger.json")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

        var schemas = document.GetProperty("components").GetProperty("schemas");
        var nodeType = schemas.EnumerateObject().Single(s => s.Name.EndsWith("LibraryNodeType", StringComparison.Ordinal)).Value;
        nodeType.GetProperty("enum").EnumerateArray().Select(e => e.GetString())
            .ShouldBe(["County", "Municipality", "MainLibrary", "Branch", "Bookmobile"]);
    }

    [Fact]
    public async Task An_unknown_route_answers_404_as_a_problem_document()
    {
        await (await Client.GetAsync("/api/v1/no-such-thing")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
