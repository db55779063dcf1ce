using System.Text.Encodings.Web;
using System.Text.Json;
using EnSakITaget.Application.Audit.Contracts;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Domain.Audit;

namespace EnSakITaget.Application.Audit;

internal sealed class AuditLog(IApplicationDbContext db, ICurrentUser caller, TimeProvider time) : IAuditLog
{
    // The trail is data read back through the API, never HTML: keep å, ä and ö readable.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Record(string entityType, string entityId, Guid? libraryId, object changes) =>
        db.AuditEntries.Add(AuditEntry.Record(time.GetUtcNow(), caller.UserId, caller.Name, AuditAction.Updated, entityType, entityId, libraryId,
            JsonSerializer.Serialize(changes, Json)));
}
