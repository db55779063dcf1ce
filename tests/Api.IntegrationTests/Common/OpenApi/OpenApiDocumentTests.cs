using System.Net;
using System.Text.Json;
using EnSakITaget.Api.Common;

namespace EnSakITaget.Api.IntegrationTests.Common.OpenApi;

public sealed class OpenApiDocumentTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Login_and_refresh_need_no_scheme()
    {
        var document = await DocumentAsync();

        Operation(document, "post", "/api/v1/auth/login").TryGetProperty("security", out _).ShouldBeFalse();
        Operation(document, "post", "/api/v1/auth/refresh").TryGetProperty("security", out _).ShouldBeFalse();
        document.TryGetProperty("security", out _).ShouldBeFalse("no requirement applies to every operation");
    }

    [Fact]
    public async Task The_integration_reads_take_a_bearer_token_or_an_api_key_and_the_rest_a_bearer_token()
    {
        var document = await DocumentAsync();

        Schemes(Operation(document, "get", "/api/v1/statistics/libraries")).ShouldBe([["Bearer"], ["ApiKey"]]);
        Schemes(Operation(document, "get", "/api/v1/statistics/rounds/{id}")).ShouldBe([["Bearer"], ["ApiKey"]]);
        Schemes(Operation(document, "get", "/api/v1/users")).ShouldBe([["Bearer"]]);
        Schemes(Operation(document, "post", "/api/v1/api-keys")).ShouldBe([["Bearer"]]);
    }

    [Fact]
    public async Task Every_operation_lists_the_errors_it_can_give()
    {
        var document = await DocumentAsync();

        Codes(Operation(document, "delete", "/api/v1/participants/{id}")).ShouldBe(["204", "401", "403", "404", "409", "412", "500"], ignoreOrder: true);
        var schedule = Operation(document, "put", "/api/v1/rounds/{id}/schedule");
        Codes(schedule).ShouldBe(["200", "400", "401", "403", "404", "409", "412", "415", "500"], ignoreOrder: true);
        schedule.GetProperty("parameters").EnumerateArray().ShouldContain(p => p.GetProperty("name").GetString() == "If-Match" && p.GetProperty("in").GetString() == "header");
        schedule.GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _).ShouldBeTrue();
        Codes(Operation(document, "get", "/api/v1/statistics/libraries")).ShouldContain("503", "a new statistics answer waits for a turn or is refused");
        Codes(Operation(document, "get", "/api/v1/users")).ShouldBe(["200", "400", "401", "403", "500"], ignoreOrder: true);
        var login = Operation(document, "post", "/api/v1/auth/login");
        Codes(login).ShouldBe(["200", "400", "401", "415", "429", "500"], ignoreOrder: true);
        login.GetProperty("responses").GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _).ShouldBeTrue();
        login.GetProperty("responses").GetProperty("415").GetProperty("content").TryGetProperty("application/problem+json", out _).ShouldBeTrue();
        Codes(Operation(document, "get", "/api/v1/libraries/{id}")).ShouldContain("429", "an endpoint that takes keys is rate-limited per key");
    }

    [Fact]
    public async Task Every_operation_is_named_after_its_handler_method_once()
    {
        var document = await DocumentAsync();

        var names = Operations(document).Select(o => o.Operation.GetProperty("operationId").GetString()).ToList();

        names.ShouldAllBe(name => !string.IsNullOrWhiteSpace(name));
        names.ShouldBeUnique();
        names.Count.ShouldBeGreaterThanOrEqualTo(67);
        Operation(document, "get", "/api/v1/rounds/{id}").GetProperty("operationId").GetString().ShouldBe("GetRound");
        Operation(document, "post", "/api/v1/auth/refresh").GetProperty("operationId").GetString().ShouldBe("RefreshToken");
        Operation(document, "get", "/api/v1/statistics/libraries").GetProperty("operationId").GetString().ShouldBe("GetLibraryStatistics");
        Operation(document, "post", "/api/v1/rounds/{id}/things/{thingId}/report").GetProperty("operationId").GetString().ShouldBe("ReportThing");
    }

    [Fact]
    public async Task Every_parameter_and_operation_is_described()
    {
        var document = await DocumentAsync();

        foreach (var (route, operation) in Operations(document))
        {
            operation.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace(route);
            foreach (var parameter in operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : default)
            {
                parameter.TryGetProperty("description", out var description).ShouldBeTrue($"{route}: {parameter.GetProperty("name")}");
                description.GetString().ShouldNotBeNullOrWhiteSpace();
            }
        }

        var id = Operation(document, "get", "/api/v1/rounds/{id}").GetProperty("parameters")[0];
        id.GetProperty("description").GetString().ShouldBe("The id of the round.");
    }

    [Fact]
    public async Task A_body_states_the_bounds_and_required_fields_its_validator_enforces()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        var schedule = schemas.GetProperty("Courses.SetSchedule.ScheduleInput");
        Required(schedule).ShouldBe(["mode"]);
        schedule.GetProperty("properties").GetProperty("pauses").GetProperty("maxItems").GetInt32().ShouldBe(52);
        schedule.GetProperty("properties").GetProperty("everyWeeks").GetProperty("minimum").GetInt32().ShouldBe(1);
        schedule.GetProperty("properties").GetProperty("everyWeeks").GetProperty("maximum").GetInt32().ShouldBe(52);

        var login = schemas.GetProperty("Identity.Login.LoginCommand");
        Required(login).ShouldBe(["email", "password"], ignoreOrder: true);
        login.GetProperty("properties").GetProperty("password").GetProperty("maxLength").GetInt32().ShouldBe(128);

        var user = schemas.GetProperty("Identity.UserInput");
        Required(user).ShouldNotContain("password", "only a new account must have one");
        Required(user).ShouldContain("email");

        var thing = schemas.GetProperty("Courses.ThingInput").GetProperty("properties");
        thing.GetProperty("links").GetProperty("maxItems").GetInt32().ShouldBe(20);
        thing.GetProperty("links").GetProperty("items").GetProperty("maxLength").GetInt32().ShouldBe(2000);
        thing.GetProperty("estimatedMinutes").GetProperty("maximum").GetInt32().ShouldBe(24 * 60);

        var answer = schemas.GetProperty("Feedback.AnswerSurvey.AnswerInputDto").GetProperty("properties");
        answer.GetProperty("rating").GetProperty("minimum").GetInt32().ShouldBe(1);
        answer.GetProperty("rating").GetProperty("maximum").GetInt32().ShouldBe(5);

        var page = Operation(await DocumentAsync(), "get", "/api/v1/statistics/libraries").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "pageSize");
        page.GetProperty("schema").GetProperty("maximum").GetInt32().ShouldBe(2000);
    }

    [Fact]
    public async Task Swagger_ui_runs_under_a_content_security_policy_of_its_own()
    {
        var ui = await Client.GetAsync("/swagger/index.html");
        var api = await Client.GetAsync("/api/v1/me");

        ui.StatusCode.ShouldBe(HttpStatusCode.OK);
        ui.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(SecurityHeadersMiddleware.SwaggerUiPolicy);
        ui.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
        api.Headers.GetValues("Content-Security-Policy").Single().ShouldBe("default-src 'none'; frame-ancestors 'none'");
    }

    private async Task<JsonElement> DocumentAsync() =>
        await (await Client.GetAsync("/swagger/v1/swagger.json")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

    private static JsonElement Operation(JsonElement document, string method, string path) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static IEnumerable<(string Route, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => ($"{op.Name.ToUpperInvariant()} {path.Name}", op.Value)));

    private static List<string[]> Schemes(JsonElement operation) =>
        [.. operation.GetProperty("security").EnumerateArray().Select(requirement => requirement.EnumerateObject().Select(s => s.Name).ToArray())];

    private static List<string> Codes(JsonElement operation) => [.. operation.GetProperty("responses").EnumerateObject().Select(r => r.Name)];

    private static List<string> Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? [.. required.EnumerateArray().Select(r => r.GetString()!)] : [];
}

/// <summary>The API with its document and Swagger UI switched off, as a county may run it in production.</summary>
public sealed class NoSwaggerFactory() : ApiFactory(new() { ["Api:Swagger:Enabled"] = "false" });

public sealed class SwaggerSwitchedOffTests(NoSwaggerFactory factory) : IClassFixture<NoSwaggerFactory>
{
    [Fact]
    public async Task With_swagger_switched_off_neither_the_ui_nor_the_document_is_served()
    {
        var client = factory.CreateClient();

        // No endpoint answers them: the closed fallback policy asks an anonymous caller to sign in first.
        (await client.GetAsync("/swagger/index.html")).StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Unauthorized);
        (await client.GetAsync("/swagger/v1/swagger.json")).StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Unauthorized);
    }
}
