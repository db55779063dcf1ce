using System.Net;
using EnSakITaget.Api.Common;
using EnSakITaget.Api.IntegrationTests.Common;

namespace EnSakITaget.Api.IntegrationTests.Service;

public sealed class WebAppHostingTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task The_web_app_is_served_at_the_root_under_a_policy_that_lets_webassembly_run_and_nothing_inline()
    {
        var response = await Factory.CreateClient().GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain("<html lang=\"sv\">");
        var policy = response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem();
        policy.ShouldBe(SecurityHeadersMiddleware.WebAppPolicy);
        policy.ShouldContain("script-src 'self' 'wasm-unsafe-eval';");
        policy.ShouldNotContain("'unsafe-inline'");
        policy.ShouldNotContain("'unsafe-eval'");
    }

    [Fact]
    public async Task A_page_of_the_web_app_opened_directly_gets_the_app()
    {
        var response = await Factory.CreateClient().GetAsync($"/omgangar/{Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain("_framework/blazor.webassembly");
    }

    [Fact]
    public async Task The_web_apps_framework_is_served_to_anyone()
    {
        var response = await Factory.CreateClient().GetAsync("/_framework/blazor.webassembly.js");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        (await response.Content.ReadAsByteArrayAsync()).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task An_unknown_api_route_stays_a_404_problem_and_not_the_web_app()
    {
        var response = await Client.GetAsync("/api/v1/no-such-thing");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem().ShouldBe(SecurityHeadersMiddleware.ApiPolicy);
    }
}
