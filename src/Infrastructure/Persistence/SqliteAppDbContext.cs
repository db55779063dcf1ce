using EnSakITaget.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Infrastructure.Persistence;

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, CurrentUser caller)
    : AppDbContext(options, caller)
{
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
