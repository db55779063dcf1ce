using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Infrastructure.Identity;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EnSakITaget.Api.IntegrationTests.Persistence;

/// <summary>Each provider's migrations, applied to an empty database, create the whole model.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public async Task The_postgresql_migrations_create_every_table_of_the_model()
    {
        await using var database = await TestDatabase.CreateAsync();
        var options = new DbContextOptionsBuilder<PostgreSqlAppDbContext>();
        PersistenceRegistration.ConfigurePostgreSql(options, database.ConnectionString);
        await using var db = new PostgreSqlAppDbContext(options.Options, CurrentUser.System());

        await ShouldCreateTheWholeModelAsync(db);
    }

    [Fact]
    public async Task The_sqlite_migrations_create_every_table_of_the_model()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ensakitaget-migrations-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={file};Pooling=false");
            await using var db = new SqliteAppDbContext(options.Options, CurrentUser.System());

            await ShouldCreateTheWholeModelAsync(db);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task ShouldCreateTheWholeModelAsync(AppDbContext db)
    {
        db.Database.GetMigrations().ShouldNotBeEmpty();

        await db.Database.MigrateAsync();

        db.Database.HasPendingModelChanges().ShouldBeFalse("the model has changes no migration holds: add a migration for this provider");
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        var sql = db.GetService<ISqlGenerationHelper>();
        foreach (var entityType in db.Model.GetEntityTypes().Where(e => !e.IsMappedToJson()))
        {
            var table = sql.DelimitIdentifier(entityType.GetTableName()!, entityType.GetSchema());
            var columns = string.Join(", ", entityType.GetProperties()
                .Select(p => sql.DelimitIdentifier(p.GetColumnName())));
#pragma warning disable EF1002 // identifiers come from the model, not from input
            await db.Database.ExecuteSqlRawAsync($"SELECT {columns} FROM {table} WHERE 1 = 0");
#pragma warning restore EF1002
        }
    }
}
