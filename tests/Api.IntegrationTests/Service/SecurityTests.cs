using System.Net;
using System.Text.Json;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Courses;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Identity;
using EnSakITaget.Domain.Identity;

namespace EnSakITaget.Api.IntegrationTests.Service;

public sealed class SecurityTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Api_answers_tell_the_browser_not_to_sniff_frame_or_run_them()
    {
        var response = await Client.GetAsync(LibraryBuilder.Url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem().ShouldContain("default-src 'none'");
    }

    [Fact]
    public async Task A_refused_request_carries_the_security_headers_too()
    {
        var response = await Factory.CreateClient().GetAsync("/api/v1/me");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
    }

    [Fact]
    public async Task Error_answers_from_the_exception_handler_carry_the_security_headers_too()
    {
        var notFound = await Client.GetAsync($"{LibraryBuilder.Url}/{Guid.NewGuid()}");
        var invalid = await Client.PostJsonAsync(LibraryBuilder.Url, new { type = "County", name = "" });

        foreach (var response in new[] { notFound, invalid })
        {
            ((int)response.StatusCode).ShouldBeInRange(400, 499);
            response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
            response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
            response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem().ShouldContain("default-src 'none'");
        }
    }

    [Fact]
    public async Task Tokens_from_the_login_are_never_cached()
    {
        var user = await Factory.CreateUserAsync("anna@test.local", (Role.Participant, (await Client.CreateSmallTreeAsync()).Branch.Id));

        var response = await Factory.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl.ShouldNotBeNull().NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task Without_configured_origins_a_browser_preflight_is_not_allowed()
    {
        var response = await Factory.CreateClient().SendAsync(Cors.Preflight("https://admin.example.se"));

        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Fact]
    public async Task Passwords_and_key_secrets_never_reach_the_logs_the_database_or_any_answer()
    {
        var (_, _, branch) = await Client.CreateSmallTreeAsync();
        const string password = "Hemligt-losen-4711";
        const string wrongPassword = "Fel-hemligt-9876";
        await (await Client.PostJsonAsync("/api/v1/users", new
        {
            email = "anna@test.local",
            displayName = "Anna Andersson",
            password,
            roles = new[] { new { role = "Participant", libraryId = branch.Id } },
        })).ShouldBeAsync<UserDto>(HttpStatusCode.Created);
        var key = (await (await Client.PostJsonAsync("/api/v1/api-keys", new { name = "Regional statistik", libraryId = branch.Id }))
            .ShouldBeAsync<CreatedApiKeyDto>(HttpStatusCode.Created)).Key;
        var anonymous = Factory.CreateClient();
        (await anonymous.PostJsonAsync("/api/v1/auth/login", new { email = "anna@test.local", password = wrongPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var tokens = await (await anonymous.PostJsonAsync("/api/v1/auth/login", new { email = "anna@test.local", password }))
            .ShouldBeAsync<AuthTokens>(HttpStatusCode.OK);
        var refreshed = await (await anonymous.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken }))
            .ShouldBeAsync<AuthTokens>(HttpStatusCode.OK);
        (await Factory.ClientWithKey(key).GetAsync(LibraryBuilder.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);

        string[] secrets = [password, wrongPassword, key.Split('.')[2], tokens.RefreshToken, refreshed.RefreshToken, tokens.AccessToken];

        var database = await SnapshotDataAsync();
        var answers = string.Join('\n', await Task.WhenAll(
            new[] { "/api/v1/users", "/api/v1/api-keys", "/api/v1/audit?pageSize=100" }.Select(url => Client.GetStringAsync(url))));
        foreach (var secret in secrets)
        {
            Factory.Logs.Lines.ShouldNotContain(line => line.Contains(secret, StringComparison.Ordinal));
            database.ShouldNotContain(secret);
            answers.ShouldNotContain(secret);
        }
    }

    [Fact]
    public async Task The_api_document_describes_bearer_tokens_and_api_keys()
    {
        var document = await (await Client.GetAsync("/swagger/v1/swagger.json")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

        var schemes = document.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Select(s => s.Value).ToList();
        schemes.ShouldContain(s => s.GetProperty("type").GetString() == "http"
            && string.Equals(s.GetProperty("scheme").GetString(), "bearer", StringComparison.OrdinalIgnoreCase));
        schemes.ShouldContain(s => s.GetProperty("type").GetString() == "apiKey"
            && s.GetProperty("in").GetString() == "header"
            && s.GetProperty("name").GetString() == "X-Api-Key");
    }
}

/// <summary>The API with the admin UI's origin allowed to call it from a browser.</summary>
public sealed class AdminUiOriginFactory() : ApiFactory(new() { ["Auth:AllowedOrigins:0"] = Cors.AdminUi });

public sealed class CorsTests(AdminUiOriginFactory factory) : IClassFixture<AdminUiOriginFactory>
{
    [Fact]
    public async Task A_preflight_from_the_admin_ui_origin_is_allowed()
    {
        var response = await factory.CreateClient().SendAsync(Cors.Preflight(Cors.AdminUi));

        response.IsSuccessStatusCode.ShouldBeTrue();
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([Cors.AdminUi]);
    }

    [Fact]
    public async Task A_preflight_from_another_origin_is_not_allowed()
    {
        var response = await factory.CreateClient().SendAsync(Cors.Preflight("https://evil.example.com"));

        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }
}

/// <summary>The API with limits low enough for a test to reach.</summary>
public sealed class LowRateLimitsFactory() : ApiFactory(new()
{
    ["Auth:LoginAttemptsPerMinute"] = "3",
    ["Auth:ApiKeyRequestsPerMinute"] = "3",
});

public sealed class RateLimitTests(LowRateLimitsFactory factory) : IClassFixture<LowRateLimitsFactory>, IAsyncLifetime
{
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        await factory.ResetDataAsync();
        admin = await factory.ClientForAsync(await factory.CreateUserAsync("admin@test.local", (Role.Administrator, null)));
    }

    public Task DisposeAsync()
    {
        admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_fourth_login_attempt_within_a_minute_answers_429_with_retry_after()
    {
        var anonymous = factory.CreateClient();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            (await anonymous.PostJsonAsync("/api/v1/auth/login", new { email = "ingen@test.local", password = "Fel-losen-123" }))
                .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var response = await anonymous.PostJsonAsync("/api/v1/auth/login", new { email = "admin@test.local", password = TestUsers.Password });

        await response.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        RetryAfterSeconds(response).ShouldBeInRange(1.0, 60.0);
    }

    [Fact]
    public async Task The_fourth_request_with_one_key_within_a_minute_answers_429_with_retry_after()
    {
        var county = await admin.CreateCountyAsync();
        var created = await (await admin.PostJsonAsync("/api/v1/api-keys", new { name = "Regional statistik", libraryId = county.Id }))
            .ShouldBeAsync<CreatedApiKeyDto>(HttpStatusCode.Created);
        var key = factory.ClientWithKey(created.Key);
        for (var request = 0; request < 3; request++)
        {
            (await key.GetAsync(LibraryBuilder.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var response = await key.GetAsync(LibraryBuilder.Url);

        await response.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        RetryAfterSeconds(response).ShouldBeInRange(1.0, 60.0);
        (await admin.GetAsync(LibraryBuilder.Url)).StatusCode.ShouldBe(HttpStatusCode.OK, "the limit is the key's, not everyone's");
    }

    [Theory]
    [InlineData("/api/v1/statistics/libraries")]
    [InlineData("/api/v1/statistics/rounds/{round}")]
    public async Task The_fourth_statistics_request_with_one_key_within_a_minute_answers_429_while_bearer_tokens_pass(string route)
    {
        var (county, municipality, _) = await admin.CreateSmallTreeAsync();
        var course = await admin.CreatePublishedCourseAsync(county.Id, "Bloggar");
        var today = factory.Clock.Today();
        var round = await admin.CreateRoundAsync(course.Id, municipality.Id, today.AddDays(7), today.AddDays(100));
        var url = route.Replace("{round}", round.Id.ToString(), StringComparison.Ordinal);
        var created = await (await admin.PostJsonAsync("/api/v1/api-keys", new { name = "Regional statistik", libraryId = county.Id }))
            .ShouldBeAsync<CreatedApiKeyDto>(HttpStatusCode.Created);
        var key = factory.ClientWithKey(created.Key);
        for (var request = 0; request < 3; request++)
        {
            (await key.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var response = await key.GetAsync(url);

        await response.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        RetryAfterSeconds(response).ShouldBeInRange(1.0, 60.0);
        for (var request = 0; request < 5; request++)
        {
            (await admin.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, "a bearer token is never held to a key's limit");
        }
    }

    private static double RetryAfterSeconds(HttpResponseMessage response) =>
        response.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldNotBeNull().TotalSeconds;
}

internal static class Cors
{
    public const string AdminUi = "https://admin.example.se";

    public static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, LibraryBuilder.Url);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }
}
