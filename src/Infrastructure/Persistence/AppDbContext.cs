using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Domain.Libraries;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Infrastructure.Persistence;

/// <summary>
/// The model shared by both providers. Each provider has its own subclass so that each keeps its
/// own migrations (<see cref="SqliteAppDbContext"/>, <see cref="PostgreSqlAppDbContext"/>).
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options), IApplicationDbContext
{
    public DbSet<LibraryNode> Libraries => Set<LibraryNode>();

    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (IsUniqueViolation(exception))
        {
            throw new ConflictException("The change clashes with data saved at the same moment; read it again and retry.", exception);
        }
    }

    protected abstract bool IsUniqueViolation(DbUpdateException exception);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
}
