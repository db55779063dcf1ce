namespace EnSakITaget.Application.Audit.Contracts;

/// <summary>
/// What the Audit module offers other modules: an entry for an act that is no change of an
/// audited entity's fields (a coordinator hides a post), written in the transaction under way.
/// </summary>
public interface IAuditLog
{
    /// <param name="changes">What happened, serialised as the entry's changes: no personal text, only what an administrator needs.</param>
    void Record(string entityType, string entityId, Guid? libraryId, object changes);
}
