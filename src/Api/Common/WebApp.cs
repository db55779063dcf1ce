namespace EnSakITaget.Api.Common;

/// <summary>Marks the endpoints that serve the web app's files: anonymous by design, and not part of the API's access matrix.</summary>
internal sealed class WebAppFile
{
    public static readonly WebAppFile Instance = new();
}

/// <summary>The web app (src/Web, Blazor WebAssembly) at <c>/</c>, beside the API under <c>/api/v1</c>.</summary>
internal static class WebApp
{
    /// <summary>Paths the web app never answers: an unknown API route stays a 404 problem, not the app's page; the public blog is its own pages.</summary>
    private const string AppPaths = "{*path:nonfile:regex(^(?!(api|swagger|health|blogg)(/|$)).*$)}";

    public static WebApplication MapWebApp(this WebApplication app)
    {
        // The framework files, fingerprinted and precompressed at build. Anonymous: the app and its
        // sign-in page load before anyone is signed in; the data stays behind the API.
        app.MapStaticAssets().AllowAnonymous().WithMetadata(WebAppFile.Instance);

        // Any page of the app opened directly gets index.html, served by its static-asset endpoint
        // (headers and caching as for "/index.html"), in every environment: MapFallbackToFile would
        // need the files in wwwroot, which only a publish or Development provides.
        // Only for GET and HEAD: a fallback that took every method would stand beside each API
        // endpoint in the router, so a POST with the wrong content type would find no endpoint
        // (404) instead of the API's 415.
        MapIndexPage(app, "/");
        MapIndexPage(app, AppPaths);
        return app;
    }

    private static void MapIndexPage(WebApplication app, string pattern) =>
        app.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], ServeIndexPage)
            .WithOrder(int.MaxValue).WithDisplayName($"Web app page {pattern}")
            .AllowAnonymous().WithMetadata(WebAppFile.Instance).ExcludeFromDescription();

    private static Task ServeIndexPage(HttpContext context) =>
        context.RequestServices.GetRequiredService<IndexPage>().ServeAsync(context);
}
