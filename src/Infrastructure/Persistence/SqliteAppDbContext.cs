using EnSakITaget.Application.Common;
using EnSakITaget.Infrastructure.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Infrastructure.Persistence;

public sealed class SqliteAppDbContext(
    DbContextOptions<SqliteAppDbContext> options, CurrentUser caller, TimeProvider time, CourseCalendar calendar)
    : AppDbContext(options, caller, time, calendar)
{
    private const int SqliteConstraintError = 19;

    protected override bool IsConstraintViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: SqliteConstraintError };

    /// <summary>EF Core keeps GUIDs in SQLite as upper-case text.</summary>
    protected override object GuidParameter(Guid value) => value.ToString().ToUpperInvariant();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // SQLite has no schemas: the module schemas exist on PostgreSQL only.
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            entityType.SetSchema(null);
        }
    }
}
