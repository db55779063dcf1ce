using System.Net;
using System.Net.Http.Headers;

namespace EnSakITaget.Web.Identity;

/// <summary>
/// Every call to the API: the header the session endpoints ask for (antiforgery), the access token
/// from memory, and one retry after a refresh when the token ran out; when that fails too, the
/// session has ended and the reader is sent to sign in.
/// </summary>
public sealed class SessionHandler(IServiceProvider services) : DelegatingHandler
{
    public const string RequestHeader = "X-EnSakITaget-Request";
    private const string SessionPath = "/api/v1/auth/browser/";

    // Resolved late: the session calls the API through this handler.
    private Session Session => services.GetRequiredService<Session>();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add(RequestHeader, "1");
        if (request.RequestUri?.AbsolutePath.StartsWith(SessionPath, StringComparison.Ordinal) == true)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var token = await Session.AccessTokenAsync();
        var response = await base.SendAsync(WithToken(request, token), cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || token is null)
        {
            return response;
        }

        if (!await Session.RefreshAsync())
        {
            Session.Expire();
            return response;
        }

        response.Dispose();
        var retry = await base.SendAsync(WithToken(Copy(request, body), await Session.AccessTokenAsync()), cancellationToken);
        if (retry.StatusCode == HttpStatusCode.Unauthorized)
        {
            Session.Expire();
        }

        return retry;
    }

    private static HttpRequestMessage WithToken(HttpRequestMessage request, string? token)
    {
        request.Headers.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>A request is sent once: the retry is a copy, with the body read before the first try.</summary>
    private static HttpRequestMessage Copy(HttpRequestMessage original, byte[]? body)
    {
        var copy = new HttpRequestMessage(original.Method, original.RequestUri);
        foreach (var header in original.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in original.Content!.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return copy;
    }
}
