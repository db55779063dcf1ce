namespace EnSakITaget.Domain.Participants;

public enum ProgressEventKind
{
    Invited,
    Reinvited,
    KickOffRecorded,
    Started,
    Reported,
    ReflectionRevised,
    Acknowledged,
    Nudged,
    Completed,
    Withdrawn,
}

/// <summary>
/// One dated change of an enrolment (who, what, when), never changed or removed: the history a
/// coordinator reads back, and what every statistic can be recomputed from.
/// </summary>
public sealed class ProgressEvent
{
    private ProgressEvent()
    {
    }

    /// <summary>Increasing: the order in which things happened.</summary>
    public long Id { get; private set; }

    public Guid EnrolmentId { get; private set; }
    public Guid RoundId { get; private set; }
    public Guid RoundLibraryId { get; private set; }
    public Guid StaffMemberId { get; private set; }
    public ProgressEventKind Kind { get; private set; }

    /// <summary>The thing it concerns, for the events about one thing.</summary>
    public Guid? ThingId { get; private set; }

    public int? ThingPosition { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public Guid? ActorUserId { get; private set; }
    public string ActorName { get; private set; } = string.Empty;

    /// <summary>The reflection's text, the acknowledgement's comment, the nudge's message.</summary>
    public string? Note { get; private set; }

    /// <summary>The reflection's link.</summary>
    public string? Link { get; private set; }

    /// <summary>
    /// The words of an erased person's history go (reflections and their revisions, comments,
    /// nudge messages); what happened and when stays, as every statistic is computed from it.
    /// </summary>
    public void EraseWords()
    {
        Note = Note is null ? null : ThingProgress.ErasedText;
        Link = null;
    }

    /// <summary>The one who acted has been erased.</summary>
    public void EraseActor() => ActorName = StaffMember.ErasedName;

    internal static ProgressEvent Of(
        Enrolment enrolment, ProgressEventKind kind, Actor actor, DateTimeOffset now,
        (Guid Id, int Position)? thing = null, string? note = null, string? link = null) => new()
    {
        EnrolmentId = enrolment.Id,
        RoundId = enrolment.RoundId,
        RoundLibraryId = enrolment.RoundLibraryId,
        StaffMemberId = enrolment.StaffMemberId,
        Kind = kind,
        ThingId = thing?.Id,
        ThingPosition = thing?.Position,
        OccurredAt = now,
        ActorUserId = actor.UserId,
        ActorName = actor.Name,
        Note = note,
        Link = link,
    };
}
