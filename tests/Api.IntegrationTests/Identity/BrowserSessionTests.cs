using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EnSakITaget.Api.Identity;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Domain.Identity;

namespace EnSakITaget.Api.IntegrationTests.Identity;

/// <summary>The web app's session: the access token in the answer, the refresh token in an HttpOnly cookie (docs/adr/0011-web-session.md).</summary>
public sealed class BrowserSessionTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Url = BrowserSessionEndpoints.Path;

    [Fact]
    public async Task Signing_in_from_the_web_app_sets_an_http_only_strict_cookie_and_answers_no_refresh_token()
    {
        var user = await CreateParticipantAsync();

        var response = await SendAsync("/login", new { email = user.Email, password = user.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("accessToken").GetString().ShouldNotBeNullOrWhiteSpace();
        body.TryGetProperty("refreshToken", out _).ShouldBeFalse();
        var cookie = response.Headers.GetValues("Set-Cookie").ShouldHaveSingleItem().ToLowerInvariant();
        cookie.ShouldStartWith($"{BrowserSessionEndpoints.CookieName}=");
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("secure");
        cookie.ShouldContain("samesite=strict");
        cookie.ShouldContain("path=/api/v1/auth/browser");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task The_session_cookie_gives_a_new_access_token_that_opens_me_and_a_new_cookie()
    {
        var user = await CreateParticipantAsync();
        var cookie = CookieOf(await SendAsync("/login", new { email = user.Email, password = user.Password }));

        var refreshed = await SendAsync("/refresh", cookie: cookie);

        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
        CookieOf(refreshed).ShouldNotBe(cookie);
        var token = JsonDocument.Parse(await refreshed.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await Factory.CreateClient().SendAsync(me)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Signing_out_revokes_the_session_on_the_server_and_clears_the_cookie()
    {
        var user = await CreateParticipantAsync();
        var cookie = CookieOf(await SendAsync("/login", new { email = user.Email, password = user.Password }));

        var signedOut = await SendAsync("/sign-out", cookie: cookie);

        signedOut.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        signedOut.Headers.GetValues("Set-Cookie").ShouldHaveSingleItem().ShouldContain("expires=Thu, 01 Jan 1970");
        var refreshed = await SendAsync("/refresh", cookie: cookie);
        await refreshed.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        refreshed.Headers.GetValues("Set-Cookie").ShouldHaveSingleItem().ShouldContain("expires=Thu, 01 Jan 1970");
    }

    [Fact]
    public async Task Refreshing_without_a_session_cookie_is_a_401_problem()
    {
        await (await SendAsync("/refresh")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/refresh")]
    [InlineData("/sign-out")]
    public async Task A_session_request_without_the_web_apps_header_is_refused_as_cross_site(string endpoint)
    {
        var response = await SendAsync(endpoint, new { email = "a@test.local", password = "x" }, withHeader: false);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_session_request_from_another_sites_page_is_refused()
    {
        var user = await CreateParticipantAsync();

        var response = await SendAsync("/login", new { email = user.Email, password = user.Password }, origin: "https://evil.example");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    private async Task<TestUser> CreateParticipantAsync()
    {
        var tree = await Client.CreateSmallTreeAsync();
        return await Factory.CreateUserAsync("deltagare@test.local", (Role.Participant, tree.Branch.Id));
    }

    private async Task<HttpResponseMessage> SendAsync(string endpoint, object? body = null, string? cookie = null, bool withHeader = true, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url + endpoint);
        if (body is not null)
        {
            request.Content = JsonContent(body);
        }

        if (withHeader)
        {
            request.Headers.Add(BrowserSessionEndpoints.RequestHeader, "1");
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{BrowserSessionEndpoints.CookieName}={cookie}");
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await Factory.CreateClient().SendAsync(request);
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    private static string CookieOf(HttpResponseMessage response)
    {
        var header = response.Headers.GetValues("Set-Cookie").ShouldHaveSingleItem();
        return header[(BrowserSessionEndpoints.CookieName.Length + 1)..header.IndexOf(';', StringComparison.Ordinal)];
    }
}
