using EnSakITaget.Application.Common.Abstractions;
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
    private volatile Kept? kept;

    public ValueTask<long> CurrentAsync(CancellationToken cancellationToken)
    {
        var stamp = signals.StampOf(ChangeTopic.Data);
        return stamp is not null && kept is { } known && known.Stamp == stamp
            ? ValueTask.FromResult(known.Revision)
            : new ValueTask<long>(ReadAsync(stamp, cancellationToken));
    }

    /// <summary>The stamp was taken before the read, so a change landing during it leaves what is kept already out of date, never wrongly current.</summary>
    private async Task<long> ReadAsync(long? stamp, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var revision = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataRevisions.AsNoTracking()
            .Where(r => r.Id == DataRevision.SingletonId)
            .Select(r => r.Value)
            .FirstOrDefaultAsync(cancellationToken);
        if (stamp is not null)
        {
            kept = new Kept(stamp.Value, revision);
        }

        return revision;
    }

    private sealed record Kept(long Stamp, long Revision);
}
