using System.Text.RegularExpressions;

namespace EnSakITaget.Domain.Audit;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,

    /// <summary>A person's data was erased: who asked, when and why, never what.</summary>
    Erased,
}

/// <summary>Who created, changed or deleted what, and when. Written with the change, in the same transaction.</summary>
public sealed class AuditEntry
{
    private AuditEntry(DateTimeOffset occurredAt, Guid? actorId, string actorName, AuditAction action,
        string entityType, string entityId, Guid? libraryId, string changes)
    {
        OccurredAt = occurredAt;
        ActorId = actorId;
        ActorName = actorName;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        LibraryId = libraryId;
        Changes = changes;
    }

    /// <summary>Given by the database in the order entries are written: the trail reads back in exactly that order.</summary>
    public long Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public Guid? ActorId { get; private set; }
    public string ActorName { get; private set; }
    public AuditAction Action { get; private set; }
    public string EntityType { get; private set; }
    public string EntityId { get; private set; }

    /// <summary>The library the change belongs to, so that a county admin reads the entries of their own county.</summary>
    public Guid? LibraryId { get; private set; }

    /// <summary>The changed fields as JSON, <c>{"name":{"from":"A","to":"B"}}</c>; secrets are never recorded.</summary>
    public string Changes { get; private set; }

    /// <summary>Stands in for an erased person's name or e-mail in the trail.</summary>
    public const string ErasedPerson = "Raderad person";

    /// <summary>
    /// Takes an erased person's name and e-mail out of the entry, wherever they stand in it: that a
    /// change was made, and when, stays; who it was about or by does not.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    public bool Scrub(IReadOnlyCollection<string> identifying)
    {
        var (changes, actor) = (Changes, ActorName);
        foreach (var text in identifying.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            // Whole words only: erasing "Bo" leaves "Bors bibliotek" as it was.
            var whole = new Regex($@"(?<!\w){Regex.Escape(text)}(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            changes = whole.Replace(changes, ErasedPerson);
            actor = whole.Replace(actor, ErasedPerson);
        }

        var changed = changes != Changes || actor != ActorName;
        (Changes, ActorName) = (changes, actor);
        return changed;
    }

    public static AuditEntry Record(DateTimeOffset occurredAt, Guid? actorId, string actorName, AuditAction action,
        string entityType, string entityId, Guid? libraryId, string changes) =>
        new(occurredAt, actorId, actorName, action, entityType, entityId, libraryId, changes);
}
