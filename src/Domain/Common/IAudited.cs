namespace EnSakITaget.Domain.Common;

/// <summary>An entity whose every create, change and delete is written to the audit trail.</summary>
public interface IAudited
{
    /// <summary>The library the entity belongs to, so that the entry shows up for the administrators of that library's county.</summary>
    Guid? AuditLibraryId { get; }

    /// <summary>How the trail names this kind of entity.</summary>
    string AuditEntityType => GetType().Name;
}
