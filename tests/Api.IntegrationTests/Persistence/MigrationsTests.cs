using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Application.Common;
using EnSakITaget.Infrastructure.Identity;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Api.IntegrationTests.Persistence;

/// <summary>Each provider's migrations, applied to an empty database, create the whole model.</summary>
public sealed class MigrationsTests
{
    private static readonly CourseCalendar Calendar = new(TimeProvider.System, Options.Create(new CoursesOptions()));

    [Fact]
    public async Task The_postgresql_migrations_create_every_table_of_the_model()
    {
        await using var database = await TestDatabase.CreateAsync();
        var options = new DbContextOptionsBuilder<PostgreSqlAppDbContext>();
        PersistenceRegistration.ConfigurePostgreSql(options, database.ConnectionString);
        await using var db = new PostgreSqlAppDbContext(options.Options, CurrentUser.System(), TimeProvider.System, Calendar);

        await ShouldCreateTheWholeModelAsync(db);
    }

    [Fact]
    public async Task The_sqlite_migrations_create_every_table_of_the_model()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ensakitaget-migrations-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={file};Pooling=false");
            await using var db = new SqliteAppDbContext(options.Options, CurrentUser.System(), TimeProvider.System, Calendar);

            await ShouldCreateTheWholeModelAsync(db);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Upgrading_postgresql_keeps_the_audit_trail_in_its_order()
    {
        await using var database = await TestDatabase.CreateAsync();
        var options = new DbContextOptionsBuilder<PostgreSqlAppDbContext>();
        PersistenceRegistration.ConfigurePostgreSql(options, database.ConnectionString);
        await using var db = new PostgreSqlAppDbContext(options.Options, CurrentUser.System(), TimeProvider.System, Calendar);

        await ShouldKeepTheAuditTrailInOrderAsync(db, """INSERT INTO audit.audit_entries (id, occurred_at, actor_name, action, entity_type, entity_id, changes) VALUES ({0}, now(), 'system', 'Created', 'LibraryNode', {1}, '{{}}')""");
    }

    [Fact]
    public async Task Upgrading_sqlite_keeps_the_audit_trail_in_its_order()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ensakitaget-upgrade-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={file};Pooling=false");
            await using var db = new SqliteAppDbContext(options.Options, CurrentUser.System(), TimeProvider.System, Calendar);

            await ShouldKeepTheAuditTrailInOrderAsync(db, """INSERT INTO audit_entries (Id, OccurredAt, ActorName, Action, EntityType, EntityId, Changes) VALUES ({0}, '2010-02-23 09:00:00+01:00', 'system', 'Created', 'LibraryNode', {1}, '{{}}')""");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Audit ids became a sequence after the trail used version 7 GUIDs; rows written before keep their order.</summary>
    private static async Task ShouldKeepTheAuditTrailInOrderAsync(AppDbContext db, string insertWithGuidId)
    {
        var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
        var beforeSequence = db.Database.GetMigrations().Single(m => m.EndsWith("_IdentityAccessAndAudit", StringComparison.Ordinal));
        await migrator.MigrateAsync(beforeSequence);
        var start = DateTimeOffset.UtcNow;
        var written = Enumerable.Range(0, 3).Select(i => (Id: Guid.CreateVersion7(start.AddSeconds(i)), Entity: $"entity-{i}")).ToList();
        foreach (var (id, entity) in written.AsEnumerable().Reverse())
        {
#pragma warning disable EF1002 // test data, no input
            await db.Database.ExecuteSqlRawAsync(insertWithGuidId, id, entity);
#pragma warning restore EF1002
        }

        await db.Database.MigrateAsync();

        var trail = await db.AuditEntries.IgnoreQueryFilters().OrderBy(e => e.Id).Select(e => new { e.Id, e.EntityId }).ToListAsync();
        trail.Select(e => e.EntityId).ShouldBe(written.Select(w => w.Entity));
        trail.Select(e => e.Id).ShouldBe([1L, 2L, 3L]);
        db.AuditEntries.Add(Domain.Audit.AuditEntry.Record(start, null, "system", Domain.Audit.AuditAction.Updated, "LibraryNode", "entity-3", null, "{}"));
        await db.SaveChangesAsync();
        (await db.AuditEntries.IgnoreQueryFilters().MaxAsync(e => e.Id)).ShouldBe(4L);
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
