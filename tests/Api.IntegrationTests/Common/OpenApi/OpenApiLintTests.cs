using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace EnSakITaget.Api.IntegrationTests.Common.OpenApi;

/// <summary>
/// Spectral with the OWASP API Security ruleset (tests/openapi-lint, pinned in its
/// package-lock.json) on the document the API serves. Node.js and npm must be installed: without
/// them this test fails, it does not skip.
/// </summary>
public sealed class OpenApiLintTests(ApiFactory factory, ITestOutputHelper output) : ApiTest(factory)
{
    /// <summary>The rules about bounds on what a client may send; each must find nothing.</summary>
    private static readonly string[] LimitRules =
    [
        "owasp:api4:2023-string-limit",
        "owasp:api4:2023-string-restricted",
        "owasp:api4:2023-array-limit",
        "owasp:api4:2023-integer-limit",
        "owasp:api4:2023-integer-limit-legacy",
        "owasp:api4:2023-integer-format",
    ];

    private static readonly SemaphoreSlim Install = new(1, 1);

    [Fact]
    public async Task The_owasp_ruleset_finds_no_string_list_or_number_without_a_bound()
    {
        var document = await Client.GetStringAsync("/swagger/v1/swagger.json");
        var folder = LintFolder();
        var file = Path.Combine(Path.GetTempPath(), $"ensakitaget-openapi-{Guid.NewGuid():N}.json");
        var results = Path.ChangeExtension(file, ".lint.json");
        await File.WriteAllTextAsync(file, document);
        try
        {
            await EnsureInstalledAsync(folder);
            var (exit, _, errors) = await RunAsync(folder, "npx", "--no-install", "spectral", "lint", "-q", "-f", "json", "-o", results, "-r", ".spectral.yaml", file);
            File.Exists(results).ShouldBeTrue($"spectral wrote no results (exit {exit}): {errors}");

            var findings = JsonDocument.Parse(await File.ReadAllTextAsync(results)).RootElement.EnumerateArray()
                .Select(f => (Code: f.GetProperty("code").GetString()!, Path: string.Join('/', f.GetProperty("path").EnumerateArray().Select(p => p.ToString())),
                    Message: f.GetProperty("message").GetString()))
                .ToList();
            foreach (var group in findings.GroupBy(f => f.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"{group.Count(),5} {group.Key}: e.g. {group.First().Path}");
            }

            var limitFindings = findings.Where(f => LimitRules.Contains(f.Code)).Select(f => $"{f.Code} at {f.Path}: {f.Message}").ToList();
            limitFindings.ShouldBeEmpty(string.Join('\n', limitFindings.Take(30)));
        }
        finally
        {
            File.Delete(file);
            File.Delete(results);
        }
    }

    private static string LintFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "openapi-lint");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/openapi-lint is not above the test's folder.");
    }

    /// <summary><c>npm ci</c> once, from the pinned lock file, when the tools are not there yet.</summary>
    private static async Task EnsureInstalledAsync(string folder)
    {
        await Install.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(folder, "node_modules", ".bin", "spectral")))
            {
                return;
            }

            var (exit, text, errors) = await RunAsync(folder, "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts");
            exit.ShouldBe(0, $"npm ci in {folder} failed:\n{text}\n{errors}");
        }
        finally
        {
            Install.Release();
        }
    }

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(string folder, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["SCARF_ANALYTICS"] = "false", ["NO_UPDATE_NOTIFIER"] = "1" },
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException(
                $"The OpenAPI lint needs Node.js 20 and npm ('{program}' could not be run: {missing.Message}). Install them, e.g. apt-get install nodejs npm.", missing);
        }

        using (process)
        {
            var text = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await text, await errors);
        }
    }
}
