using System.Text.Encodings.Web;
using System.Text.Json;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Privacy.Contracts;
using EnSakITaget.Domain.Audit;
using EnSakITaget.Domain.Libraries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Privacy.ApplyRetention;

/// <summary>Erases, in every county, what it keeps of people in rounds closed longer ago than its retention. Run as the system.</summary>
public sealed record ApplyRetentionCommand : ICommand<ApplyRetentionResult>;

/// <param name="Rounds">How many rounds' retention had run out.</param>
/// <param name="Erased">What was erased, by kind, over every county.</param>
public sealed record ApplyRetentionResult(int Rounds, IReadOnlyDictionary<string, int> Erased);

internal sealed class ApplyRetentionCommandHandler(IApplicationDbContext db, IEnumerable<IPersonalDataSource> sources, ICurrentUser caller, TimeProvider time)
    : ICommandHandler<ApplyRetentionCommand, ApplyRetentionResult>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async ValueTask<ApplyRetentionResult> Handle(ApplyRetentionCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (rounds, total) = (0, new Dictionary<string, int>());
        foreach (var county in await db.Libraries.AsNoTracking().Where(n => n.Type == LibraryNodeType.County).ToListAsync(cancellationToken))
        {
            var cutoff = now.AddMonths(-county.KeepsPersonalDataForMonths);
            var municipalities = db.Libraries.Where(n => n.ParentId == county.Id).Select(n => n.Id);
            // Compared here, not in SQL: SQLite cannot order times with offsets, and a county has few closed rounds.
            var expired = (await db.Rounds.Where(r => r.ClosedAt != null && municipalities.Contains(r.HomeLibraryId))
                    .Select(r => new { r.Id, r.ClosedAt }).ToListAsync(cancellationToken))
                .Where(r => r.ClosedAt < cutoff).Select(r => r.Id).ToList();
            if (expired.Count == 0)
            {
                continue;
            }

            var erased = new Dictionary<string, int>();
            foreach (var source in sources)
            {
                foreach (var (kind, count) in await source.EraseAfterRetentionAsync(expired, cancellationToken))
                {
                    erased[kind] = erased.GetValueOrDefault(kind) + count;
                    total[kind] = total.GetValueOrDefault(kind) + count;
                }
            }

            rounds += expired.Count;
            if (erased.Values.Any(count => count > 0))
            {
                db.AuditEntries.Add(AuditEntry.Record(now, caller.UserId, caller.Name, AuditAction.Erased, "Retention", county.Id.ToString(), county.Id,
                    JsonSerializer.Serialize(new { retentionMonths = county.KeepsPersonalDataForMonths, closedBefore = cutoff, rounds = expired, erased }, Json)));
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return new ApplyRetentionResult(rounds, total);
    }
}
