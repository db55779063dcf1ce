using System.Data.Common;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EnSakITaget.Api.IntegrationTests.Reliability;

/// <summary>
/// Storage that cannot take a write (SQLite on a full or read-only disk, as SQLite itself reports
/// it) is a 503 "storage unavailable" and an unhealthy readiness with the reason; a database
/// that is not there at start-up is waited for, and a folder that cannot be written is named.
/// </summary>
public sealed class StorageTests
{
    [Theory]
    [InlineData(13, "full")]
    [InlineData(8, "read-only")]
    public async Task On_sqlite_a_disk_that_refuses_writes_answers_503_storage_unavailable_and_readiness_says_why(int sqliteError, string reason)
    {
        var faults = new RefusedSqliteWrites();
        await using var factory = new SqliteApiFactory(services =>
            services.ConfigureDbContext<SqliteAppDbContext>(options => options.AddInterceptors(faults), ServiceLifetime.Singleton));
        await factory.InitializeAsync();
        using var admin = await factory.ClientForAsync(await factory.CreateUserAsync("admin@test.local", (Role.Administrator, null)));
        (await admin.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        faults.ErrorCode = sqliteError;

        var write = await admin.PostJsonAsync("/api/v1/libraries", new { type = "County", name = "Jönköpings län", countyCode = "06" });
        var ready = await admin.GetAsync("/health/ready");

        var problem = await write.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        problem.GetProperty("title").GetString().ShouldBe("Storage unavailable.");
        problem.GetProperty("detail").GetString()!.ShouldContain(reason);
        write.Headers.RetryAfter.ShouldNotBeNull();
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var health = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        health.GetProperty("checks").GetProperty("database").GetString().ShouldBe("Unhealthy");
        health.GetProperty("reasons").GetProperty("database").GetString()!.ShouldContain(reason);
        factory.Logs.WarningsAndErrors.ShouldNotContain(line => line.Contains("Unhandled exception", StringComparison.Ordinal));

        faults.ErrorCode = null;
        (await admin.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Starting_without_a_reachable_postgresql_waits_with_one_line_a_try_and_then_gives_up_with_one_clear_line()
    {
        var logs = new CapturedLogs();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseSetting("Database:Provider", "PostgreSql")
            .UseSetting("Database:ConnectionString", $"Host=127.0.0.1;Port={UnusedPort()};Database=ensakitaget;Username=x;Password=x")
            .UseSetting("Database:StartupWaitSeconds", "5")
            .ConfigureLogging(logging => logging.AddProvider(logs)));
        var started = DateTime.UtcNow;

        Should.Throw<Exception>(() => factory.CreateClient());

        (DateTime.UtcNow - started).ShouldBeGreaterThan(TimeSpan.FromSeconds(3));
        var waiting = logs.Lines.Where(line => line.Contains("Waiting for the database on PostgreSql", StringComparison.Ordinal)).ToList();
        waiting.Count.ShouldBeGreaterThanOrEqualTo(2);
        waiting[0].ShouldContain("try 1 failed");
        var given = logs.Lines.Where(line => line.StartsWith("Critical ", StringComparison.Ordinal)).ShouldHaveSingleItem();
        given.ShouldContain("could not be reached");
        given.ShouldContain("Database:StartupWaitSeconds");
    }

    [Fact]
    public async Task Starting_on_a_sqlite_folder_that_cannot_be_written_says_so_once_naming_the_folder_and_the_setting()
    {
        var file = Path.GetTempFileName();
        var folder = Path.Combine(file, "data");
        var logs = new CapturedLogs();
        try
        {
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
                .UseSetting("Database:DataFolder", folder)
                .ConfigureLogging(logging => logging.AddProvider(logs)));

            Should.Throw<Exception>(() => factory.CreateClient());

            var given = logs.Lines.Where(line => line.StartsWith("Critical ", StringComparison.Ordinal)).ShouldHaveSingleItem();
            given.ShouldContain($"folder {folder} cannot be written");
            given.ShouldContain("Database:DataFolder");
            logs.WarningsAndErrors.Count().ShouldBe(1);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Every write fails with the SQLite error set (13 full, 8 read-only), as SQLite fails it; reads pass.</summary>
    private sealed class RefusedSqliteWrites : DbCommandInterceptor
    {
        public int? ErrorCode { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            RefuseWrite(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            RefuseWrite(command);
            return ValueTask.FromResult(result);
        }

        private void RefuseWrite(DbCommand command)
        {
            var text = command.CommandText.TrimStart();
            if (ErrorCode is { } code && (text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("PRAGMA user_version =", StringComparison.OrdinalIgnoreCase)))
            {
                throw new SqliteException(code == 13 ? "database or disk is full" : "attempt to write a readonly database", code);
            }
        }
    }
}
