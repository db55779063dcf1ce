using EnSakITaget.Domain.Participants;

namespace EnSakITaget.Application.Participants;

public sealed record ReflectionDto(string? Text, string? Link);

/// <summary>A participant's own progress on one thing, after a start or a report.</summary>
public sealed record ThingProgressDto(
    Guid RoundId, Guid ThingId, int Position, ThingProgressStatus Status, DateTimeOffset StartedAt, DateTimeOffset? ReportedAt,
    ReflectionDto? Reflection, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, string? AcknowledgementComment,
    EnrolmentStatus EnrolmentStatus, int ThingsReported)
{
    public static ThingProgressDto Of(Enrolment enrolment, ThingProgress progress) => new(
        enrolment.RoundId, progress.ThingId, progress.Position, progress.Status, progress.StartedAt, progress.ReportedAt,
        progress.Reflection is { } r ? new ReflectionDto(r.Text, r.Link) : null,
        progress.AcknowledgedAt, progress.AcknowledgedBy, progress.AcknowledgementComment, enrolment.Status, enrolment.ThingsReported);
}

/// <summary>A reported reflection as the round reads it: whose, on which thing, and the coordinator's acknowledgement.</summary>
public sealed record RoundReflectionDto(
    Guid ParticipantId, string Name, Guid ThingId, int Position, string? Text, string? Link, DateTimeOffset ReportedAt,
    DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, string? AcknowledgementComment);

/// <summary>One dated change of an enrolment.</summary>
public sealed record ProgressEventDto(
    long Id, ProgressEventKind Kind, DateTimeOffset OccurredAt, string Actor, Guid? ThingId, int? Position, string? Note, string? Link);
