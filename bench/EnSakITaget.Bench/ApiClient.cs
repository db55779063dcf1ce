using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace EnSakITaget.Bench;

/// <summary>The import's answer, as the Participants module promises it.</summary>
internal sealed record ImportResult(bool DryRun, int Created, int Updated, int Unchanged, IReadOnlyList<ImportRejection> Rejected);

internal sealed record ImportRejection(int Line, string? Email, string Reason);

internal sealed record LibraryCreated(Guid Id);

internal sealed record LoginAnswer(string AccessToken);

/// <summary>The few API calls the benchmark makes, over loopback HTTP.</summary>
internal sealed class ApiClient : IDisposable
{
    public const string ImportPath = "/api/v1/participants/import";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;

    public ApiClient(Uri baseAddress) => _http = CreateHttpClient(baseAddress);

    /// <summary>No proxy: an http_proxy in the environment must not take loopback traffic elsewhere.</summary>
    public static HttpClient CreateHttpClient(Uri baseAddress) =>
        new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };

    /// <summary>Signs in, and sends the access token with every later call of this client.</summary>
    public async Task LoginAsync(string email, string password, CancellationToken cancellationToken) =>
        _http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", await AccessTokenAsync(email, password, cancellationToken));

    /// <summary>Signs someone in, for calls made on their behalf elsewhere.</summary>
    public async Task<string> AccessTokenAsync(string email, string password, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("/api/v1/auth/login", new { email, password }, Json, cancellationToken);
        return (await ReadAsync<LoginAnswer>(response, "POST /api/v1/auth/login", cancellationToken)).AccessToken;
    }

    public async Task<Guid> CreateLibraryAsync(object library, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("/api/v1/libraries", library, Json, cancellationToken);
        return (await ReadAsync<LibraryCreated>(response, "POST /api/v1/libraries", cancellationToken)).Id;
    }

    /// <returns>The answer, and the wall time from sending the request to having read the whole answer.</returns>
    public async Task<(ImportResult Result, TimeSpan Elapsed)> ImportAsync(byte[] csv, bool dryRun, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{ImportPath}?dryRun={(dryRun ? "true" : "false")}")
        {
            Content = new ByteArrayContent(csv),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };

        var clock = Stopwatch.StartNew();
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        clock.Stop();

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new BenchSetupException(
                $"POST {ImportPath} answered 404 Not Found: the import endpoint does not exist (yet) in this build of the API, " +
                $"or answers on another route.{Detail(body)}");
        }

        return (await ReadAsync<ImportResult>(response, $"POST {ImportPath}", cancellationToken), clock.Elapsed);
    }

    public async Task PostAsync(string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, path, body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new BenchSetupException($"POST {path} answered {(int)response.StatusCode} {response.ReasonPhrase}.{Detail(text)}");
        }
    }

    public async Task<T> PostAsync<T>(string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, path, body, cancellationToken);
        return await ReadAsync<T>(response, $"POST {path}", cancellationToken);
    }

    public async Task<T> PutAsync<T>(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Put, path, body, cancellationToken);
        return await ReadAsync<T>(response, $"PUT {path}", cancellationToken);
    }

    /// <returns>The body, and the wall time from sending the request to having read the whole answer.</returns>
    public async Task<(string Body, TimeSpan Elapsed)> GetAsync(string path, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var response = await _http.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        clock.Stop();
        return response.IsSuccessStatusCode
            ? (body, clock.Elapsed)
            : throw new BenchSetupException($"GET {path} answered {(int)response.StatusCode} {response.ReasonPhrase}.{Detail(body)}");
    }

    public void Dispose() => _http.Dispose();

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: Json) };
        return _http.SendAsync(request, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, string call, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchSetupException($"{call} answered {(int)response.StatusCode} {response.ReasonPhrase}.{Detail(body)}");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body, Json)
                ?? throw new BenchSetupException($"{call} answered {(int)response.StatusCode} with an empty body");
        }
        catch (JsonException e)
        {
            throw new BenchSetupException($"{call} answered a body that is not the expected {typeof(T).Name}: {e.Message}{Detail(body)}");
        }
    }

    private static string Detail(string body) =>
        string.IsNullOrWhiteSpace(body) ? string.Empty : $"\n  body: {(body.Length > 600 ? body[..600] + "…" : body)}";
}
