using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace EnSakITaget.Web.BrowserTests.Common;

/// <summary>
/// The API with the web app, as <c>dotnet run --project src/Api -- --seed-demo</c> starts it, on
/// its own database of the test PostgreSQL server and a free port of 127.0.0.1: a browser needs
/// a real socket. The demo data gives participants with a running round.
/// </summary>
public sealed class WebAppServer : IAsyncLifetime
{
    public const string ServerVariable = "ENSAKITAGET_TEST_POSTGRES";

    private readonly string databaseName = $"web_tests_{Guid.NewGuid():N}";
    private readonly List<string> output = [];
    private string? serverConnectionString;
    private Process? api;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        serverConnectionString = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(serverConnectionString))
        {
            throw new InvalidOperationException($"{ServerVariable} is not set: run the tests through ./test.sh, which starts PostgreSQL.");
        }

        await ExecuteAsync($"CREATE DATABASE \"{databaseName}\"");
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        api = Process.Start(StartInfo(port)) ?? throw new InvalidOperationException("The API did not start.");
        api.OutputDataReceived += (_, line) => Keep(line.Data);
        api.ErrorDataReceived += (_, line) => Keep(line.Data);
        api.BeginOutputReadLine();
        api.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        if (api is { HasExited: false })
        {
            api.Kill(entireProcessTree: true);
            await api.WaitForExitAsync();
        }

        api?.Dispose();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)");
    }

    /// <summary>The token of the latest letter to <paramref name="email"/> that links to <paramref name="path"/>, read from the outbox as the mail server would get it.</summary>
    public async Task<string> TokenMailedToAsync(string email, string path)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = databaseName }.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT text_body FROM messaging.outbox_messages WHERE recipient_email = @email ORDER BY created_at DESC LIMIT 1", connection);
            command.Parameters.AddWithValue("email", email);
            if (await command.ExecuteScalarAsync() is string text
                && System.Text.RegularExpressions.Regex.Match(text, $@"/{path}\?token=([A-Za-z0-9_%-]+)") is { Success: true } match)
            {
                return Uri.UnescapeDataString(match.Groups[1].Value);
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No letter to {email} with a link to /{path} in the outbox.");
    }

    private ProcessStartInfo StartInfo(int port)
    {
        var apiFolder = Path.Combine(Repository.Root, "src", "Api");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = apiFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(apiFolder, "bin", Repository.Configuration, "net10.0", "EnSakITaget.Api.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.ArgumentList.Add("--seed-demo");
        // The demo data is seeded in Development only, as a developer's `dotnet run` does.
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Database__Provider"] = "PostgreSql";
        info.Environment["Database__ConnectionString"] = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = databaseName }.ConnectionString;
        info.Environment["Auth__SigningKey"] = "web-browser-tests-signing-key-0123456789abcdef";
        info.Environment["Auth__LoginAttemptsPerMinute"] = "100000";
        info.Environment["Auth__FailedLoginsPerMinute"] = "100000";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        return info;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (api!.HasExited)
            {
                throw new InvalidOperationException($"The API stopped at start:\n{string.Join('\n', Lines())}");
            }

            try
            {
                if ((await http.GetAsync("health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The API was not ready within 3 minutes:\n{string.Join('\n', Lines())}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
        }
    }

    private string[] Lines()
    {
        lock (output)
        {
            return [.. output.TakeLast(60)];
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class WebAppCollection : ICollectionFixture<WebAppServer>, ICollectionFixture<Browser>
{
    public const string Name = "Web app in Chromium";
}
