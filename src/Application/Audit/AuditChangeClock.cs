using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Caching;
using EnSakITaget.Application.Contracts;
using EnSakITaget.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Audit;

/// <summary>The data's revision, read from the database only when a change signal says it moved on.</summary>
internal sealed class AuditChangeClock(Lazy<IApplicationDbContext> db, AuditChangeClock.KeptRevision kept) : IChangeClock
{
    public Task<long> LatestChangeAsync(CancellationToken cancellationToken) =>
        kept.Revision.GetAsync(
            async token => await db.Value.DataRevisions.AsNoTracking()
                .Where(r => r.Id == DataRevision.SingletonId)
                .Select(r => r.Value)
                .FirstOrDefaultAsync(token),
            cancellationToken);

    /// <summary>The one kept value, shared by every request.</summary>
    internal sealed class KeptRevision(IChangeSignals signals)
    {
        public SignalledValue<long> Revision { get; } = new(signals, ChangeTopic.Data);
    }
}
