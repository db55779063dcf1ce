using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Contracts;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Audit;

/// <summary>The latest audit entry's id: audit entries are written with every audited change and never removed.</summary>
internal sealed class AuditChangeClock(IApplicationDbContext db) : IChangeClock
{
    public async Task<long> LatestChangeAsync(CancellationToken cancellationToken) =>
        await db.AuditEntries.IgnoreQueryFilters().MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
}
