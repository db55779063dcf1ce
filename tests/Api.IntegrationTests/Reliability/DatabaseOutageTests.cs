using System.Data.Common;
using System.Net;
using System.Net.Sockets;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Courses;
using EnSakITaget.Application.Courses;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EnSakITaget.Api.IntegrationTests.Reliability;

/// <summary>
/// The database goes away, for a moment or for longer: a blip is ridden out inside the request,
/// the whole unit of work tried again and applied once; an outage answers 503 with Retry-After.
/// The faults are Npgsql's own transient exceptions, thrown where the driver would throw them.
/// </summary>
public sealed class DatabaseOutageTests(FlakyDatabaseFactory factory) : IClassFixture<FlakyDatabaseFactory>, IAsyncLifetime
{
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        factory.Faults.Clear();
        await factory.ResetDataAsync();
        admin = await factory.ClientForAsync(await factory.CreateUserAsync("admin@test.local", (Role.Administrator, null)));
    }

    public Task DisposeAsync()
    {
        factory.Faults.Clear();
        admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task While_the_database_is_unreachable_a_read_and_a_write_answer_503_with_retry_after_and_a_problem_document()
    {
        var world = await admin.CreateTwoCountiesAsync();
        factory.Faults.RefuseConnectionsFor(TimeSpan.FromMinutes(1));

        var read = await admin.GetAsync("/api/v1/rounds");
        var write = await admin.PostJsonAsync("/api/v1/courses", new { countyId = world.Jonkoping, title = "Under avbrottet", language = "sv" });

        foreach (var answer in new[] { read, write })
        {
            var problem = await answer.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            answer.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldNotBeNull().TotalSeconds.ShouldBeGreaterThan(0);
            problem.GetProperty("detail").GetString()!.ShouldContain("database");
        }

        factory.Faults.Clear();
        (await (await admin.GetAsync("/api/v1/courses")).ShouldBeAsync<Application.Common.Paging.PagedList<CourseDto>>(HttpStatusCode.OK))
            .Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_outage_is_logged_once_per_request_as_a_warning_and_never_as_an_unexpected_error()
    {
        await admin.CreateTwoCountiesAsync();
        factory.Faults.RefuseConnectionsFor(TimeSpan.FromMinutes(1));
        var marker = $"/api/v1/rounds/{Guid.NewGuid()}";

        await (await admin.GetAsync(marker)).ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);

        factory.Faults.Clear();
        var lines = factory.Logs.WarningsAndErrors.Where(line => line.Contains(marker, StringComparison.Ordinal)).ToList();
        lines.ShouldHaveSingleItem().ShouldStartWith("Warning ");
        lines[0].ShouldContain("Storage unavailable");
    }

    [Fact]
    public async Task A_restart_of_a_fraction_of_a_second_is_not_seen_by_the_client()
    {
        var world = await admin.CreateTwoCountiesAsync();
        factory.Faults.RefuseConnectionsFor(TimeSpan.FromMilliseconds(300));

        var created = await (await admin.PostJsonAsync("/api/v1/courses", new { countyId = world.Jonkoping, title = "Efter omstarten", language = "sv" }))
            .ShouldBeAsync<CourseDto>(HttpStatusCode.Created);

        factory.Faults.Refused.ShouldBeGreaterThan(0);
        (await (await admin.GetAsync($"/api/v1/courses/{created.Id}")).ShouldBeAsync<CourseDto>(HttpStatusCode.OK)).Title.ShouldBe("Efter omstarten");
    }

    [Fact]
    public async Task A_connection_lost_in_the_middle_of_a_command_retries_the_whole_command_and_applies_it_once()
    {
        var world = await admin.CreateTwoCountiesAsync();
        var course = await admin.CreateCourseAsync(world.Jonkoping);
        factory.Faults.BreakNextWrite();

        await (await admin.PostJsonAsync($"/api/v1/courses/{course.Id}/things", new { title = "Bloggar", estimatedMinutes = 30 }))
            .ShouldBeAsync<ThingDto>(HttpStatusCode.Created);

        factory.Faults.BrokenWrites.ShouldBe(1);
        var read = await (await admin.GetAsync($"/api/v1/courses/{course.Id}")).ShouldBeAsync<CourseDto>(HttpStatusCode.OK);
        read.Things.ShouldHaveSingleItem().Title.ShouldBe("Bloggar");
    }
}

/// <summary>The API on PostgreSQL with <see cref="DatabaseFaults"/> between EF Core and the driver.</summary>
public sealed class FlakyDatabaseFactory : ApiFactory
{
    public DatabaseFaults Faults { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<PostgreSqlAppDbContext>(
            options => options.AddInterceptors(Faults), ServiceLifetime.Singleton));
    }
}

/// <summary>
/// Transient failures as Npgsql reports them: connections refused (the server restarting) for a
/// while, or the connection lost as the next write is sent.
/// </summary>
public sealed class DatabaseFaults : DbConnectionInterceptor, IDbCommandInterceptor
{
    private long refuseUntilTicks;
    private int breakNextWrite;
    private int refused;
    private int brokenWrites;

    public int Refused => refused;

    public int BrokenWrites => brokenWrites;

    public void RefuseConnectionsFor(TimeSpan outage) => Interlocked.Exchange(ref refuseUntilTicks, DateTime.UtcNow.Add(outage).Ticks);

    public void BreakNextWrite() => Interlocked.Exchange(ref breakNextWrite, 1);

    public void Clear()
    {
        Interlocked.Exchange(ref refuseUntilTicks, 0);
        Interlocked.Exchange(ref breakNextWrite, 0);
        Interlocked.Exchange(ref refused, 0);
        Interlocked.Exchange(ref brokenWrites, 0);
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        RefuseWhileDown();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        RefuseWhileDown();
        return result;
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        BreakIfWrite(command);
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        BreakIfWrite(command);
        return ValueTask.FromResult(result);
    }

    private void RefuseWhileDown()
    {
        if (DateTime.UtcNow.Ticks < Interlocked.Read(ref refuseUntilTicks))
        {
            Interlocked.Increment(ref refused);
            throw new NpgsqlException("Failed to connect (injected by the test)", new SocketException((int)SocketError.ConnectionRefused));
        }
    }

    private void BreakIfWrite(DbCommand command)
    {
        if (command.CommandText.TrimStart().StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)
            && Interlocked.Exchange(ref breakNextWrite, 0) == 1)
        {
            Interlocked.Increment(ref brokenWrites);
            throw new NpgsqlException("Exception while writing to stream (injected by the test)", new IOException("Connection reset by peer"));
        }
    }
}
