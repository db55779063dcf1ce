using System.Text.Encodings.Web;
using System.Text.Json;
using EnSakITaget.Application.Audit.ListAuditEntries;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Privacy.Contracts;
using EnSakITaget.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Audit;

/// <summary>
/// The audit trail's part in export and erasure: the entries about the person (their staff
/// record, their account, their roles and enrolments). On erasure it goes last: it scrubs the
/// person's name and e-mail from every entry, those the other modules' erasure has just written
/// included, and records that an erasure happened, by whom, when and why, never what.
/// <para>
/// It reads past the library scope, bound to one person's ids, name and e-mail: entries about an
/// account belong to no library, and a pilot's lie in another municipality.
/// </para>
/// </summary>
internal sealed class AuditPersonalData(IApplicationDbContext db, ICurrentUser caller) : IPersonalDataSource
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public int ErasureStage => 100;

    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var entries = await About(subject).AsNoTracking().OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return
        [
            new("auditEntries", entries.Count,
                "Ändringsloggen: vem som har skapat, ändrat eller tagit bort personens uppgifter, och när.",
                "The audit trail: who created, changed or deleted the person's data, and when.",
                [.. entries.Select(e => (object)new AuditEntryDto(
                    e.Id, e.OccurredAt, e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.LibraryId,
                    JsonDocument.Parse(e.Changes).RootElement.Clone()))]),
        ];
    }

    public async Task EraseAsync(DataSubject subject, ErasureRequest request, CancellationToken cancellationToken)
    {
        var email = subject.Email.ToLowerInvariant();
        var name = subject.Name.ToLower(System.Globalization.CultureInfo.InvariantCulture);
        var accountId = subject.AccountId;
        var mentioning = db.AuditEntries.IgnoreQueryFilters()
            .Where(e => e.Changes.ToLower().Contains(email) || e.Changes.ToLower().Contains(name)
                || e.ActorName.ToLower() == email || e.ActorName.ToLower() == name || (accountId != null && e.ActorId == accountId));
        foreach (var entry in await mentioning.ToListAsync(cancellationToken))
        {
            entry.Scrub(subject.Identifying);
        }

        var (entityType, entityId) = subject.StaffMemberId is { } staffId ? ("StaffMember", staffId) : ("User", subject.AccountId!.Value);
        db.AuditEntries.Add(AuditEntry.Record(request.At, caller.UserId, caller.Name, AuditAction.Erased, entityType, entityId.ToString(),
            subject.UnitId, JsonSerializer.Serialize(new { reason = request.Reason }, Json)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private IQueryable<AuditEntry> About(DataSubject subject)
    {
        var ids = new[] { subject.StaffMemberId, subject.AccountId }.OfType<Guid>().Select(id => id.ToString()).ToArray();
        var email = subject.Email.ToLowerInvariant();
        var (first, second) = (ids.ElementAtOrDefault(0) ?? email, ids.ElementAtOrDefault(1) ?? email);
        return db.AuditEntries.IgnoreQueryFilters()
            .Where(e => ids.Contains(e.EntityId) || e.Changes.Contains(first) || e.Changes.Contains(second) || e.Changes.ToLower().Contains(email));
    }
}
