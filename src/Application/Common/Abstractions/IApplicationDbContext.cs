using EnSakITaget.Domain.Audit;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Domain.Libraries;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Common.Abstractions;

public interface IApplicationDbContext
{
    DbSet<LibraryNode> Libraries { get; }
    DbSet<RoleAssignment> RoleAssignments { get; }
    DbSet<ApiKey> ApiKeys { get; }
    DbSet<AuditEntry> AuditEntries { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}
