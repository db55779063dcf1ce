using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace EnSakITaget.Web.Common.Api;

/// <summary>
/// No lost updates from the web app, in one place for every page: the <c>ETag</c> of each answer
/// is remembered per resource address, and a <c>PUT</c> or <c>DELETE</c> of that address sends it
/// back as <c>If-Match</c>. When someone else changed the resource since it was read, the API
/// answers 412 and nothing is saved; the answer's explanation is then the reader's own language's
/// "someone else has changed this", which every page already shows as the API's explanation.
/// </summary>
/// <remarks>
/// Any other change under the same resource (a thing added to a course, a round's schedule set)
/// may move that resource's revision without telling this handler, so every change forgets what
/// was remembered under its resource (<c>/api/v1/courses/{id}</c> and below) before it remembers
/// its own answer's tag: a change after one of the reader's own is then sent without If-Match, as
/// before, rather than refused for a revision the reader moved on themselves. A 412 keeps the old
/// tag, so saving again without reloading is refused again instead of overwriting.
/// </remarks>
public sealed class RevisionHandler(Language language) : DelegatingHandler
{
    private const int ResourceSegments = 5; // "/", "api/", "v1/", "courses/", "{id}"

    private readonly ConcurrentDictionary<string, EntityTagHeaderValue> tags = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var address = request.RequestUri is { } uri ? Address(uri) : null;
        if (address is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var isRead = request.Method == HttpMethod.Get;
        var isChange = request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete;
        if (isChange && request.Headers.IfMatch.Count == 0 && tags.TryGetValue(address, out var known))
        {
            request.Headers.IfMatch.Add(known);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            await ExplainAsync(response, cancellationToken);
            return response;
        }

        if (!response.IsSuccessStatusCode)
        {
            return response;
        }

        if (!isRead)
        {
            Forget(Resource(address));
        }

        if (isRead || request.Method == HttpMethod.Put)
        {
            if (response.Headers.ETag is { IsWeak: false } tag)
            {
                tags[address] = tag;
            }
            else
            {
                tags.TryRemove(address, out _);
            }
        }

        return response;
    }

    /// <summary>The path without its query: a list's page size does not make another resource.</summary>
    private static string? Address(Uri uri) =>
        uri.IsAbsoluteUri && uri.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal) ? uri.AbsolutePath.TrimEnd('/') : null;

    /// <summary>"/api/v1/courses/{id}" of "/api/v1/courses/{id}/things/{thingId}".</summary>
    private static string Resource(string address)
    {
        var segments = new Uri("http://x" + address).Segments;
        return segments.Length <= ResourceSegments ? address : string.Concat(segments.Take(ResourceSegments)).TrimEnd('/');
    }

    private void Forget(string resource)
    {
        foreach (var address in tags.Keys)
        {
            if (address == resource || address.StartsWith(resource + "/", StringComparison.Ordinal))
            {
                tags.TryRemove(address, out _);
            }
        }
    }

    /// <summary>The API's problem document, its explanation in the reader's language.</summary>
    private async Task ExplainAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var problem = new Dictionary<string, object?>(StringComparer.Ordinal);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            problem = await JsonSerializer.DeserializeAsync<Dictionary<string, object?>>(stream, cancellationToken: cancellationToken) ?? problem;
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's page): the explanation below is all the page needs.
        }

        problem["status"] = 412;
        problem["title"] = language.T.ChangedMeanwhile;
        problem["detail"] = language.T.ChangedMeanwhile;
        response.Content = new StringContent(JsonSerializer.Serialize(problem), new MediaTypeHeaderValue("application/problem+json"));
    }
}
