using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticAssets;

namespace EnSakITaget.Api.Common;

/// <summary>
/// The web app's index.html, found once. A build maps it as a static asset with its placeholders
/// filled in, and it is served by that endpoint. A publish of the API (the Dockerfile's) leaves it
/// out of the asset manifest and keeps its placeholders (dotnet/aspnetcore#64199, a hosted WebAssembly
/// app in .NET 10), so then the file from wwwroot is served with each <c>#[.{fingerprint}]</c> filled in
/// from the fingerprinted asset of the same name, and revalidated on every load like the asset would be.
/// </summary>
internal sealed partial class IndexPage(EndpointDataSource endpoints, IWebHostEnvironment environment)
{
    private const string FileName = "index.html";

    private readonly Lazy<Func<HttpContext, Task>> serve = new(() => Find(endpoints, environment));

    public Task ServeAsync(HttpContext context) => serve.Value(context);

    private static Func<HttpContext, Task> Find(EndpointDataSource endpoints, IWebHostEnvironment environment)
    {
        var routes = endpoints.Endpoints.OfType<RouteEndpoint>().ToList();
        var asset = routes.FirstOrDefault(e => e.RoutePattern.RawText == FileName
            && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) == true
            && !e.Metadata.Any(m => m.GetType().Name == "ContentEncodingMetadata"));
        if (asset is not null)
        {
            return context =>
            {
                context.SetEndpoint(asset);
                return asset.RequestDelegate!(context);
            };
        }

        var file = environment.WebRootFileProvider.GetFileInfo(FileName);
        if (!file.Exists)
        {
            return context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            };
        }

        string source;
        using (var reader = new StreamReader(file.CreateReadStream()))
        {
            source = reader.ReadToEnd();
        }

        var fingerprinted = routes
            .Select(e => (Route: e.RoutePattern.RawText, Label: LabelOf(e)))
            .Where(r => r.Route is not null && r.Label is not null && r.Route != r.Label)
            .GroupBy(r => r.Label!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Route!, StringComparer.Ordinal);
        var page = Encoding.UTF8.GetBytes(Placeholder().Replace(source, match =>
            fingerprinted.TryGetValue(match.Groups["path"].Value + match.Groups["ext"].Value, out var route)
                ? route
                : match.Groups["path"].Value + match.Groups["ext"].Value));
        return context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.ContentLength = page.Length;
            return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.Body.WriteAsync(page).AsTask();
        };
    }

    /// <summary>The asset's name without its fingerprint, as the static-asset manifest labels a fingerprinted route.</summary>
    private static string? LabelOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<StaticAssetDescriptor>()?.Properties.FirstOrDefault(p => p.Name == "label")?.Value;

    [GeneratedRegex(@"(?<path>[A-Za-z0-9_./-]+)#\[\.\{fingerprint\}\](?<ext>\.[A-Za-z0-9]+)")]
    private static partial Regex Placeholder();
}
