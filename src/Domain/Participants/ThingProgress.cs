namespace EnSakITaget.Domain.Participants;

public enum ThingProgressStatus
{
    Started,
    Reported,
}

/// <summary>How far one participant has got with one thing of the round: started, reported with a reflection, acknowledged.</summary>
public sealed class ThingProgress
{
    private ThingProgress()
    {
    }

    public Guid EnrolmentId { get; private set; }
    public Guid ThingId { get; private set; }

    /// <summary>The thing's place in the round, kept here so the progress matrix needs no other table.</summary>
    public int Position { get; private set; }

    public Guid RoundId { get; private set; }
    public Guid RoundLibraryId { get; private set; }
    public ThingProgressStatus Status { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? ReportedAt { get; private set; }
    public string? ReflectionText { get; private set; }
    public string? ReflectionLink { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }
    public string? AcknowledgementComment { get; private set; }

    public Reflection? Reflection => Status == ThingProgressStatus.Reported ? new Reflection(ReflectionText, ReflectionLink) : null;

    internal static ThingProgress Start(Enrolment enrolment, ThingTerms thing, DateTimeOffset now) => new()
    {
        EnrolmentId = enrolment.Id,
        ThingId = thing.Id,
        Position = thing.Position,
        RoundId = enrolment.RoundId,
        RoundLibraryId = enrolment.RoundLibraryId,
        Status = ThingProgressStatus.Started,
        StartedAt = now,
    };

    /// <returns>Whether this was the first report of the thing.</returns>
    internal bool Report(Reflection reflection, DateTimeOffset now)
    {
        var first = Status != ThingProgressStatus.Reported;
        Status = ThingProgressStatus.Reported;
        ReportedAt ??= now;
        ReflectionText = reflection.Text;
        ReflectionLink = reflection.Link;
        return first;
    }

    /// <summary>Stands in for an erased reflection, comment or note: the report counts, its words are gone.</summary>
    public const string ErasedText = "(raderad)";

    /// <summary>The reflection and what was said about it are erased; that it was reported, and when, stays for the statistics.</summary>
    public void EraseReflection()
    {
        if (Status == ThingProgressStatus.Reported)
        {
            ReflectionText = ErasedText;
        }

        ReflectionLink = null;
        AcknowledgementComment = AcknowledgementComment is null ? null : ErasedText;
    }

    /// <summary>The one who acknowledged the reflection has been erased.</summary>
    public void EraseAcknowledger() => AcknowledgedBy = AcknowledgedBy is null ? null : StaffMember.ErasedName;

    internal void Acknowledge(string? comment, Actor actor, DateTimeOffset now)
    {
        AcknowledgedAt = now;
        AcknowledgedBy = actor.Name;
        AcknowledgementComment = comment;
    }
}
