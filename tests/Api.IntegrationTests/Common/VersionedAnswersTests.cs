using System.Net;
using System.Net.Http.Json;
using EnSakITaget.Api.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using EntityTagHeaderValue = System.Net.Http.Headers.EntityTagHeaderValue;

namespace EnSakITaget.Api.IntegrationTests.Common;

/// <summary>The one line an endpoint opts in with, on endpoints of the test's own that count their handler's runs.</summary>
public sealed class VersionedAnswersTests(ApiFactory factory) : ApiTest(factory)
{
    private const string KeptUrl = "/api/v1/test/kept";
    private const string PlainUrl = "/api/v1/test/plain";

    [Fact]
    public async Task An_endpoint_opted_in_with_one_line_answers_304_and_from_memory_without_running_its_handler()
    {
        var counted = new CountedEndpoints();
        await using var api = WithEndpoints(counted);
        using var client = api.CreateClient();

        var first = await client.GetAsync(KeptUrl);
        var etag = first.Headers.ETag!.Tag;
        var unchanged = await IfNoneMatchAsync(client, KeptUrl, etag);
        var again = await client.GetAsync(KeptUrl);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.Content.ReadFromJsonAsync<Counted>())!.Runs.ShouldBe(1);
        unchanged.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        unchanged.Headers.ETag!.Tag.ShouldBe(etag);
        again.Headers.ETag!.Tag.ShouldBe(etag);
        (await again.Content.ReadFromJsonAsync<Counted>())!.Runs.ShouldBe(1);
        counted.KeptRuns.ShouldBe(1);
    }

    [Fact]
    public async Task A_304_is_answered_before_the_endpoint_s_parameters_are_bound_or_its_filters_run()
    {
        var counted = new CountedEndpoints();
        await using var api = WithEndpoints(counted);
        using var client = api.CreateClient();

        var first = await client.GetAsync(KeptUrl);
        var unchanged = await IfNoneMatchAsync(client, KeptUrl, first.Headers.ETag!.Tag);
        var stale = await IfNoneMatchAsync(client, KeptUrl, "\"0123456789abcdef0123456789abcdef\"");

        unchanged.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        unchanged.Headers.ETag!.Tag.ShouldBe(first.Headers.ETag.Tag);
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        counted.FilterRuns.ShouldBe(2);
        counted.KeptRuns.ShouldBe(1);
    }

    [Fact]
    public async Task An_endpoint_not_opted_in_gets_no_etag_and_ignores_if_none_match()
    {
        var counted = new CountedEndpoints();
        await using var api = WithEndpoints(counted);
        using var client = api.CreateClient();

        var first = await client.GetAsync(PlainUrl);
        var withTag = await IfNoneMatchAsync(client, PlainUrl, "\"0123456789abcdef0123456789abcdef\"");
        var withStar = await IfNoneMatchAsync(client, PlainUrl, "*");

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.ETag.ShouldBeNull();
        withTag.StatusCode.ShouldBe(HttpStatusCode.OK);
        withStar.StatusCode.ShouldBe(HttpStatusCode.OK);
        withStar.Headers.ETag.ShouldBeNull();
        counted.PlainRuns.ShouldBe(3);
    }

    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> WithEndpoints(CountedEndpoints counted) =>
        Factory.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(counted)));

    private static async Task<HttpResponseMessage> IfNoneMatchAsync(HttpClient client, string url, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag == "*" ? EntityTagHeaderValue.Any : new EntityTagHeaderValue(etag));
        return await client.SendAsync(request);
    }

    private sealed record Counted(int Runs);

    /// <summary>Maps the two endpoints on the application's own routes, so that they run behind all its middleware like any other.</summary>
    private sealed class CountedEndpoints : IStartupFilter
    {
        private int keptRuns;
        private int plainRuns;
        private int filterRuns;

        public int KeptRuns => keptRuns;

        /// <summary>Runs of a filter outside the kept endpoint's own, which a 304 never reaches.</summary>
        public int FilterRuns => filterRuns;

        public int PlainRuns => plainRuns;

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            var routes = (IEndpointRouteBuilder)app.Properties["__EndpointRouteBuilder"]!;
            routes.MapGet(KeptUrl, () => TypedResults.Ok(new Counted(Interlocked.Increment(ref keptRuns)))).AllowAnonymous()
                .AddEndpointFilter((invocation, next) =>
                {
                    Interlocked.Increment(ref filterRuns);
                    return next(invocation);
                })
                .CachedByDataVersion();
            routes.MapGet(PlainUrl, () => TypedResults.Ok(new Counted(Interlocked.Increment(ref plainRuns)))).AllowAnonymous();
        };
    }
}
