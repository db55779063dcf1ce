using System.Net;
using System.Text;
using EnSakITaget.Web.Common;
using EnSakITaget.Web.Common.Api;
using Microsoft.Extensions.DependencyInjection;

namespace EnSakITaget.Web.ComponentTests.Common;

/// <summary>
/// A component rendered by bUnit with the web app's own services: the language (Swedish), and the
/// generated API client over a fake HTTP handler that answers what each test sets.
/// </summary>
public abstract class ComponentTest : BunitContext
{
    protected ComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<Language>();
        Services.AddSingleton(new ApiClient(new HttpClient(Http) { BaseAddress = new Uri("http://localhost/") }));
    }

    protected FakeApi Http { get; } = new();
}

/// <summary>
/// Answers requests by method and path with JSON, and keeps what was sent. Answers given for one
/// route are used in turn; the last one stays.
/// </summary>
public sealed class FakeApi : HttpMessageHandler
{
    private readonly Dictionary<string, Queue<(HttpStatusCode Status, string Body, string ContentType)>> answers = [];

    public List<(string Route, string? Body)> Sent { get; } = [];

    public void Answer(string method, string path, string json, HttpStatusCode status = HttpStatusCode.OK, string contentType = "application/json")
    {
        var route = $"{method} {path}";
        if (!answers.TryGetValue(route, out var queue))
        {
            answers[route] = queue = new();
        }

        queue.Enqueue((status, json, contentType));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = $"{request.Method} {request.RequestUri!.AbsolutePath}";
        Sent.Add((route, request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken)));
        if (!answers.TryGetValue(route, out var queue))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound)
            {
                Content = new StringContent("""{"title":"Not Found","status":404}""", Encoding.UTF8, "application/problem+json"),
            };
        }

        var answer = queue.Count > 1 ? queue.Dequeue() : queue.Peek();
        return new HttpResponseMessage(answer.Status) { Content = new StringContent(answer.Body, Encoding.UTF8, answer.ContentType) };
    }
}
