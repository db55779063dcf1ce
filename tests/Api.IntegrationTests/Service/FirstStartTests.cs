using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace EnSakITaget.Api.IntegrationTests.Service;

/// <summary>A newcomer's first start: a warning in the log would be the first thing they are told to worry about.</summary>
public sealed class FirstStartTests
{
    [Fact]
    public async Task The_first_start_on_an_empty_postgresql_database_logs_no_warning_or_error()
    {
        var factory = new ApiFactory();
        try
        {
            await factory.InitializeAsync();
            using var client = factory.CreateClient();
            (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await factory.DisposeAsync();
        }

        factory.Logs.Lines.ShouldContain(line => line.Contains("migrations applied now", StringComparison.Ordinal));
        factory.Logs.WarningsAndErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_first_start_on_an_empty_sqlite_file_with_the_demo_data_logs_no_warning_or_error()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), $"ensakitaget-first-start-{Guid.NewGuid():N}");
        var logs = new CapturedLogs();
        try
        {
            await using (var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
                .UseSetting($"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.DataFolder)}", dataFolder)
                .UseSetting($"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.SeedDemoData)}", "true")
                .ConfigureLogging(logging => logging.AddProvider(logs))))
            {
                using var client = factory.CreateClient();
                (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            logs.Lines.ShouldContain(line => line.Contains("Seeded demo data", StringComparison.Ordinal));
            logs.WarningsAndErrors.ShouldBeEmpty();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(dataFolder))
            {
                Directory.Delete(dataFolder, recursive: true);
            }
        }
    }
}
