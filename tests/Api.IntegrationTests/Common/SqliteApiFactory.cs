using EnSakITaget.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EnSakITaget.Api.IntegrationTests.Common;

/// <summary>
/// The API in memory on the embedded default: a SQLite file of its own in a temporary folder.
/// One factory serves one test, so there is nothing to reset. The first one migrates a file at
/// start-up as on a first start; the others start on a copy of it, which the start-up finds up to date.
/// </summary>
public sealed class SqliteApiFactory : ApiFactory
{
    private static readonly Lazy<Task<string>> MigratedFolder = new(MigrateOnceAsync);

    private readonly string dataFolder;
    private readonly bool isTemplate;
    private readonly Action<IServiceCollection>? services;

    public SqliteApiFactory()
        : this(NewFolder(), isTemplate: false)
    {
    }

    /// <summary>With services of the test's own, e.g. an interceptor that fails as a full disk would.</summary>
    public SqliteApiFactory(Action<IServiceCollection> services)
        : this(NewFolder(), isTemplate: false)
    {
        this.services = services;
    }

    private SqliteApiFactory(string dataFolder, bool isTemplate)
    {
        (this.dataFolder, this.isTemplate) = (dataFolder, isTemplate);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    public override async Task InitializeAsync()
    {
        if (!isTemplate)
        {
            var migrated = await MigratedFolder.Value;
            Directory.CreateDirectory(dataFolder);
            foreach (var file in Directory.GetFiles(migrated))
            {
                File.Copy(file, Path.Combine(dataFolder, Path.GetFileName(file)));
            }
        }

        _ = Server; // starts the host, which applies whatever migrations the file lacks
    }

    public override Task ResetDataAsync() => Task.CompletedTask;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (!isTemplate && Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    protected override void UseDatabase(IWebHostBuilder builder)
    {
        builder.UseSetting($"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}", nameof(DatabaseProvider.Sqlite));
        builder.UseSetting($"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.DataFolder)}", dataFolder);
    }

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), $"ensakitaget-sqlite-{Guid.NewGuid():N}");

    private static async Task<string> MigrateOnceAsync()
    {
        var folder = NewFolder();
        var template = new SqliteApiFactory(folder, isTemplate: true);
        try
        {
            await template.InitializeAsync();
        }
        finally
        {
            await template.DisposeAsync();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return folder;
    }
}
