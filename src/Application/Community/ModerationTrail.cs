using EnSakITaget.Application.Audit.Contracts;

namespace EnSakITaget.Application.Community;

/// <summary>
/// What a coordinator does to a post or comment — hide, show again, approve or refuse a publication —
/// goes into the audit trail with the reason. The texts themselves never do: the trail is not a
/// second copy of what people write, which their erasure would have to find.
/// </summary>
internal sealed class ModerationTrail(IAuditLog audit)
{
    public void Record(string entityType, Guid id, Guid roundLibraryId, Guid roundId, string what, string? reason) =>
        audit.Record(entityType, id.ToString(), roundLibraryId, new { moderation = what, reason, roundId });
}
