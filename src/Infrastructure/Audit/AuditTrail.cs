using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Domain.Audit;
using EnSakITaget.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EnSakITaget.Infrastructure.Audit;

/// <summary>Turns the administrative changes about to be saved into audit entries, saved in the same transaction.</summary>
internal static class AuditTrail
{
    /// <summary>Never written to the trail, not even as a changed field.</summary>
    private static readonly HashSet<string> Secrets =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "SecretHash", "TokenHash", "NormalizedEmail", "NormalizedUserName"];

    /// <summary>Changes that are use, not administration: a change of only these is not audited, unless it lifts a lockout.</summary>
    private static readonly HashSet<string> Operational =
        ["LastUsedAt", "AccessFailedCount", "LockoutEnd", "SecurityStamp", "ConcurrencyStamp", "UpdatedAt"];

    // The trail is data read back through the API, never HTML: keep å, ä and ö readable.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static List<AuditEntry> Collect(ChangeTracker tracker, ICurrentUser caller, DateTimeOffset now)
    {
        var changed = tracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is IAudited)
            .ToList();

        var audit = new List<AuditEntry>();
        foreach (var entry in changed)
        {
            var fields = ChangedFields(entry);
            if (entry.State == EntityState.Modified && fields.Keys.All(f => Operational.Contains(f)) && !LiftsALockout(entry))
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };
            var changes = fields.Where(f => !Secrets.Contains(f.Key)).ToDictionary(f => FieldNames.ToJsonPath(f.Key), f => f.Value);
            var audited = (IAudited)entry.Entity;
            audit.Add(AuditEntry.Record(now, caller.UserId, caller.Name, action, audited.AuditEntityType,
                KeyOf(entry), audited.AuditLibraryId, JsonSerializer.Serialize(changes, Json)));
        }

        return audit;
    }

    /// <summary>Sign-ins lock an account by themselves; only an administrator's unlock takes the lock away before it ends.</summary>
    private static bool LiftsALockout(EntityEntry entry) =>
        entry.Metadata.FindProperty(LockoutEnd) is not null && entry.Property(LockoutEnd) is { IsModified: true, OriginalValue: not null, CurrentValue: null };

    private const string LockoutEnd = "LockoutEnd";

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));

    /// <summary>Scalar fields, and lists kept as one value (a course's things), which change as a whole.</summary>
    private static Dictionary<string, object?> ChangedFields(EntityEntry entry)
    {
        var fields = entry.State switch
        {
            EntityState.Added => entry.Properties.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue),
            EntityState.Deleted => entry.Properties.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue),
            _ => entry.Properties
                .Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
                .ToDictionary(p => p.Metadata.Name, p => (object?)new { from = p.OriginalValue, to = p.CurrentValue }),
        };
        foreach (var list in entry.ComplexCollections.Where(c => entry.State != EntityState.Modified || c.IsModified))
        {
            fields[list.Metadata.Name] = list.CurrentValue;
        }

        return fields;
    }
}
