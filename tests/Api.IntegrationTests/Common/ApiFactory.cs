using EnSakITaget.Domain.Identity;
using EnSakITaget.Infrastructure.Identity;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Respawn;

namespace EnSakITaget.Api.IntegrationTests.Common;

/// <summary>The API in memory, on its own database of the test PostgreSQL server, migrated at start-up as in production.</summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string SigningKey = "integration-tests-signing-key-0123456789abcdef";

    private readonly Dictionary<string, string> extraSettings;
    private readonly TestDatabase? sharedDatabase;
    private TestDatabase? database;

    public ApiFactory()
        : this([])
    {
    }

    /// <summary>A factory with settings of its own, e.g. low rate limits for the test that hits them.</summary>
    protected ApiFactory(Dictionary<string, string> settings, TestDatabase? sharedDatabase = null)
    {
        extraSettings = settings;
        this.sharedDatabase = sharedDatabase;
    }

    /// <summary>A second API instance on the same database, as two instances behind a load balancer would be.</summary>
    public static ApiFactory OnTheSameDatabaseAs(ApiFactory first, Dictionary<string, string> settings) => new(settings, first.Database);

    /// <summary>The API's clock: tests move it.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>Everything the API logged, to prove what it never logs.</summary>
    public CapturedLogs Logs { get; } = new();
    private Respawner? respawner;

    /// <summary>Where the API writes the messages it would send, when no SMTP server is configured.</summary>
    public string PickupFolder { get; } = Path.Combine(Path.GetTempPath(), $"ensakitaget-mail-{Guid.NewGuid():N}");

    public TestDatabase Database => database ?? throw new InvalidOperationException("The factory is not initialised.");

    public virtual async Task InitializeAsync()
    {
        database = sharedDatabase ?? await TestDatabase.CreateAsync();
        _ = Server; // starts the host, which applies the migrations

        await using var connection = await Database.OpenAsync();
        respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToExclude = ["public"],
            // The revisions only ever move on: back at zero they would let a kept tree or answer pass for the new one.
            TablesToIgnore = [new Respawn.Graph.Table("libraries", "tree_revision"), new Respawn.Graph.Table("audit", "data_revision")],
        });
    }

    /// <summary>Empties every module's tables, keeping the migrations history.</summary>
    public virtual async Task ResetDataAsync()
    {
        await using var connection = await Database.OpenAsync();
        await respawner!.ResetAsync(connection);
    }

    /// <summary>Runs test set-up inside the API's services, as the system: no library scope applies.</summary>
    public async Task<T> WithSystemScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem();
        return await action(scope.ServiceProvider);
    }

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(PickupFolder))
        {
            Directory.Delete(PickupFolder, recursive: true);
        }

        if (database is not null && sharedDatabase is null)
        {
            await database.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        UseDatabase(builder);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Auth:LoginAttemptsPerMinute", "100000");
        builder.UseSetting("Auth:FailedLoginsPerMinute", "100000");
        builder.UseSetting("Auth:ApiKeyRequestsPerMinute", "100000");
        builder.UseSetting("Auth:PilotEnrolmentsPerMinute", "100000");
        builder.UseSetting("Courses:ReleaseCheckSeconds", "1");
        builder.UseSetting("Participants:NoticeCheckSeconds", "86400");
        builder.UseSetting("Email:PickupFolder", PickupFolder);
        builder.UseSetting("Email:PollSeconds", "1");
        builder.UseSetting("Email:FirstRetrySeconds", "1");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        foreach (var (key, value) in extraSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Information);
            logging.AddProvider(Logs);
        });
    }

    /// <summary>The test PostgreSQL server's database of this factory; another provider's factory says its own.</summary>
    protected virtual void UseDatabase(IWebHostBuilder builder)
    {
        builder.UseSetting($"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}", nameof(DatabaseProvider.PostgreSql));
        builder.UseSetting($"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.ConnectionString)}", Database.ConnectionString);
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "API on PostgreSQL";
}

/// <summary>Every test starts from empty tables, with <see cref="Client"/> signed in as an administrator.</summary>
[Collection(ApiCollection.Name)]
public abstract class ApiTest(ApiFactory factory) : IAsyncLifetime
{
    private HttpClient? client;

    protected ApiFactory Factory { get; } = factory;

    /// <summary>Signed in as an administrator, who may act on every library.</summary>
    protected HttpClient Client => client ?? throw new InvalidOperationException("The test is not initialised.");

    protected TestUser Administrator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory.Clock.Set(DateTimeOffset.UtcNow);
        await Factory.ResetDataAsync();
        Administrator = await Factory.CreateUserAsync("admin@test.local", (Role.Administrator, null));
        client = await Factory.ClientForAsync(Administrator);
    }

    public Task DisposeAsync()
    {
        client?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Every row of every module's tables, as text: compare before and after to prove nothing changed.</summary>
    protected async Task<string> SnapshotDataAsync()
    {
        await using var connection = await Factory.Database.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables " +
            "WHERE table_schema NOT IN ('public', 'pg_catalog', 'information_schema') AND table_type = 'BASE TABLE' ORDER BY 1",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var snapshot = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            // The sender moves a message's state in the background: what is queued is what a change made.
            var row = table == "messaging.outbox_messages" ? "(t.id, t.idempotency_key)::text" : "t::text";
            await using var dump = new NpgsqlCommand($"SELECT coalesce(string_agg({row}, E'\\n' ORDER BY {row}), '') FROM {table} t", connection);
            snapshot.Append(table).Append('\n').Append(await dump.ExecuteScalarAsync()).Append('\n');
        }

        return snapshot.ToString();
    }
}
