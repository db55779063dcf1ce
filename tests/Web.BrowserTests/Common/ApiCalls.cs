using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace EnSakITaget.Web.BrowserTests.Common;

/// <summary>What the coordinator does outside the web app before a test's page (the coordinator's pages are another part): plain calls to the public API.</summary>
internal sealed class ApiCalls(Uri baseAddress) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = baseAddress };

    public static async Task<ApiCalls> SignedInAsync(Uri baseAddress, string email, string password)
    {
        var calls = new ApiCalls(baseAddress);
        var tokens = await calls.SendAsync(HttpMethod.Post, "api/v1/auth/login", new { email, password });
        calls.http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        return calls;
    }

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => http.Dispose();
}
