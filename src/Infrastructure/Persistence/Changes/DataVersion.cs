using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Caching;
using EnSakITaget.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EnSakITaget.Infrastructure.Persistence.Changes;

/// <summary>
/// The data's version: the revision every audited change and every survey response moves on,
/// the same on every instance. It is read from the database only when <see cref="ChangeSignals"/>
/// says the data moved on (a commit here, a notification from another instance), and on every
/// call while the notifications are not heard; otherwise it is known without a database context
/// or an allocation.
/// </summary>
public sealed class DataVersion(IChangeSignals signals, IServiceScopeFactory scopes)
{
    private readonly SignalledValue<long> revision = new(signals, ChangeTopic.Data);

    public ValueTask<long> CurrentAsync(CancellationToken cancellationToken) =>
        revision.GetAsync(scopes, static (scopes, token) => ReadAsync(scopes, token), cancellationToken);

    private static async Task<long> ReadAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataRevisions.AsNoTracking()
            .Where(r => r.Id == DataRevision.SingletonId)
            .Select(r => r.Value)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
