using EnSakITaget.Domain.Common;

namespace EnSakITaget.Domain.Participants;

public enum EnrolmentStatus
{
    Invited,
    Active,
    Completed,
    Withdrawn,
}

public sealed class EnrolmentRuleException(string message) : DomainRuleViolationException(message);

/// <summary>A report with neither text nor link; the API answers 400 naming the text.</summary>
public sealed class MissingReflectionException()
    : FieldRuleException("text", "A report needs a reflection: a few lines, a link to a blog post, or both.");

/// <summary>
/// A member of staff's place in a round: invited, taking part, done, or withdrawn, with their
/// progress through the round's things. Every change is also kept as a dated <see cref="ProgressEvent"/>.
/// </summary>
public sealed class Enrolment : IAudited
{
    private readonly List<ThingProgress> _progress = [];
    private readonly List<ProgressEvent> _events = [];

    private Enrolment()
    {
    }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }

    /// <summary>The round's home organisation: whoever runs the round sees its enrolments.</summary>
    public Guid RoundLibraryId { get; private set; }

    public Guid StaffMemberId { get; private set; }

    /// <summary>From a library outside the round's home organisation (a testpilot).</summary>
    public bool IsPilot { get; private set; }

    public EnrolmentStatus Status { get; private set; }
    public bool AttendedKickOff { get; private set; }
    public DateTimeOffset InvitedAt { get; private set; }
    public DateTimeOffset? ActivatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>How many of the round's things the participant has reported.</summary>
    public int ThingsReported { get; private set; }

    /// <summary>The participant's own last start or report; null until they begin.</summary>
    public DateTimeOffset? LastActivityAt { get; private set; }

    public DateTimeOffset? LastNudgedAt { get; private set; }
    public int NudgeCount { get; private set; }

    /// <summary>The libraries' calendar days of the invitation, the completion and the last activity, for statistics by period.</summary>
    public DateOnly InvitedOn { get; private set; }

    public DateOnly? CompletedOn { get; private set; }
    public DateOnly? LastActiveOn { get; private set; }

    /// <summary>Changes with every change: of two reports saved at the same moment, only one counts.</summary>
    public int Revision { get; private set; }

    /// <summary>Loaded with the enrolment when progress is changed.</summary>
    public IReadOnlyList<ThingProgress> Progress => _progress;

    /// <summary>Only the events of this unit of work; the history is read from its own table.</summary>
    public IReadOnlyList<ProgressEvent> Events => _events;

    Guid? IAudited.AuditLibraryId => RoundLibraryId;

    public static Enrolment Invite(Guid roundId, Guid roundLibraryId, Guid staffMemberId, bool isPilot, Actor actor, DateTimeOffset now)
    {
        var enrolment = new Enrolment
        {
            Id = Guid.CreateVersion7(now),
            RoundId = roundId,
            RoundLibraryId = roundLibraryId,
            StaffMemberId = staffMemberId,
            IsPilot = isPilot,
            Status = EnrolmentStatus.Invited,
            InvitedAt = now,
        };
        enrolment.Record(ProgressEventKind.Invited, actor, now);
        return enrolment;
    }

    /// <summary>Invites again someone who had withdrawn.</summary>
    /// <returns>Whether anything changed.</returns>
    public bool Reinvite(Actor actor, DateTimeOffset now)
    {
        if (Status != EnrolmentStatus.Withdrawn)
        {
            return false;
        }

        Status = ActivatedAt is null ? EnrolmentStatus.Invited : EnrolmentStatus.Active;
        WithdrawnAt = null;
        InvitedAt = now;
        Record(ProgressEventKind.Reinvited, actor, now);
        return true;
    }

    public void RecordKickOffAttendance(bool attended, Actor actor, DateTimeOffset now)
    {
        EnsureNotWithdrawn();
        if (AttendedKickOff == attended)
        {
            return;
        }

        AttendedKickOff = attended;
        if (attended)
        {
            Activate(now);
        }

        Record(ProgressEventKind.KickOffRecorded, actor, now, note: attended ? "attended" : "absent");
    }

    public void Withdraw(Actor actor, DateTimeOffset now)
    {
        if (Status == EnrolmentStatus.Completed)
        {
            throw new EnrolmentRuleException("A participant who has completed the round cannot withdraw from it.");
        }

        if (Status != EnrolmentStatus.Withdrawn)
        {
            Status = EnrolmentStatus.Withdrawn;
            WithdrawnAt = now;
            Record(ProgressEventKind.Withdrawn, actor, now);
        }
    }

    /// <summary>
    /// The participant has left the library's staff: an enrolment they have not completed ends as a
    /// withdrawal, with the day they left in its history. A completed one stays completed.
    /// </summary>
    /// <returns>Whether it ended now.</returns>
    public bool EndForLeaving(DateOnly leftOn, Actor actor, DateTimeOffset now)
    {
        if (Status is EnrolmentStatus.Completed or EnrolmentStatus.Withdrawn)
        {
            return false;
        }

        Status = EnrolmentStatus.Withdrawn;
        WithdrawnAt = now;
        Record(ProgressEventKind.Withdrawn, actor, now, note: $"Left the staff on {leftOn:yyyy-MM-dd}.");
        return true;
    }

    /// <summary>The participant begins a thing. Starting it again changes nothing.</summary>
    public ThingProgress Start(RoundTerms round, ThingTerms thing, Actor actor, DateTimeOffset now)
    {
        EnsureMayWorkOn(round, thing);
        if (ProgressOn(thing.Id) is { } started)
        {
            return started;
        }

        var progress = ThingProgress.Start(this, thing, now);
        _progress.Add(progress);
        Activate(now);
        LastActivityAt = now;
        Record(ProgressEventKind.Started, actor, now, thing);
        return progress;
    }

    /// <summary>
    /// The participant reports a thing with a reflection, starting it if they had not. The same
    /// report again changes nothing; a different reflection replaces the first, and the history
    /// keeps both. Reporting the last thing completes the enrolment.
    /// </summary>
    public ThingProgress Report(RoundTerms round, ThingTerms thing, Reflection reflection, Actor actor, DateTimeOffset now)
    {
        reflection = reflection.Normalised();
        if (reflection.IsEmpty)
        {
            throw new MissingReflectionException();
        }

        var progress = Start(round, thing, actor, now);
        if (progress.Reflection == reflection)
        {
            return progress;
        }

        var first = progress.Report(reflection, now);
        LastActivityAt = now;
        Record(first ? ProgressEventKind.Reported : ProgressEventKind.ReflectionRevised, actor, now, thing, reflection.Text, reflection.Link);
        if (first)
        {
            ThingsReported++;
            if (ThingsReported >= round.ThingCount && Status != EnrolmentStatus.Completed)
            {
                Status = EnrolmentStatus.Completed;
                CompletedAt = now;
                Record(ProgressEventKind.Completed, actor, now);
            }
        }

        return progress;
    }

    /// <summary>A coordinator acknowledges a reported reflection, with a comment or without.</summary>
    public ThingProgress Acknowledge(Guid thingId, string? comment, Actor actor, DateTimeOffset now)
    {
        var progress = ProgressOn(thingId);
        if (progress?.Status != ThingProgressStatus.Reported)
        {
            throw new EnrolmentRuleException("The participant has not reported this thing yet: there is no reflection to acknowledge.");
        }

        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (progress.AcknowledgedAt is not null && progress.AcknowledgementComment == comment)
        {
            return progress;
        }

        progress.Acknowledge(comment, actor, now);
        Record(ProgressEventKind.Acknowledged, actor, now, (progress.ThingId, progress.Position), comment);
        return progress;
    }

    /// <summary>When a recent nudge holds the next one back, the moment it may come; null when it may come now.</summary>
    public DateTimeOffset? NudgeHeldBackUntil(TimeSpan minimumInterval, DateTimeOffset now) =>
        LastNudgedAt is { } last && now < last + minimumInterval ? last + minimumInterval : null;

    /// <summary>A coordinator reminds the participant of an unclosed round; not twice within <paramref name="minimumInterval"/>.</summary>
    public void Nudge(RoundTerms round, string? message, TimeSpan minimumInterval, Actor actor, DateTimeOffset now)
    {
        if (round.IsClosed)
        {
            throw new EnrolmentRuleException("The round is closed: there is nothing left to nudge about.");
        }

        EnsureNotWithdrawn();
        if (Status == EnrolmentStatus.Completed)
        {
            throw new EnrolmentRuleException("The participant has completed the round: there is nothing to nudge them about.");
        }

        if (NudgeHeldBackUntil(minimumInterval, now) is { } possibleFrom)
        {
            throw new EnrolmentRuleException(
                $"The participant was nudged on {LastNudgedAt:yyyy-MM-dd}; the next nudge is possible from {possibleFrom:yyyy-MM-dd HH:mm} UTC.");
        }

        LastNudgedAt = now;
        NudgeCount++;
        Record(ProgressEventKind.Nudged, actor, now, note: string.IsNullOrWhiteSpace(message) ? null : message.Trim());
    }

    /// <summary>Brings the calendar days in line with the moments they are the days of; done on every save.</summary>
    public void KeepCalendarDays(Func<DateTimeOffset, DateOnly> dayOf)
    {
        InvitedOn = dayOf(InvitedAt);
        CompletedOn = CompletedAt is { } completed ? dayOf(completed) : null;
        LastActiveOn = LastActivityAt is { } active ? dayOf(active) : null;
    }

    public ThingProgress? ProgressOn(Guid thingId) => _progress.FirstOrDefault(p => p.ThingId == thingId);

    private void Activate(DateTimeOffset now)
    {
        if (Status == EnrolmentStatus.Invited)
        {
            Status = EnrolmentStatus.Active;
            ActivatedAt = now;
        }
    }

    private void EnsureMayWorkOn(RoundTerms round, ThingTerms thing)
    {
        if (round.IsClosed)
        {
            throw new EnrolmentRuleException("The round is closed: it takes no more progress.");
        }

        if (!round.IsOpen)
        {
            throw new EnrolmentRuleException("The round has not opened yet.");
        }

        EnsureNotWithdrawn();
        if (!thing.IsReleased && !round.WorkAheadAllowed)
        {
            var planned = thing.PlannedDate is { } date ? $"; it is planned for {date:yyyy-MM-dd}" : string.Empty;
            throw new EnrolmentRuleException($"Thing {thing.Position} ({thing.Title}) is not released yet{planned}, and this round does not allow working ahead.");
        }
    }

    private void EnsureNotWithdrawn()
    {
        if (Status == EnrolmentStatus.Withdrawn)
        {
            throw new EnrolmentRuleException("The participant has withdrawn from the round; enrol them again first.");
        }
    }

    private void Record(
        ProgressEventKind kind, Actor actor, DateTimeOffset now, ThingTerms? thing = null, string? note = null, string? link = null) =>
        Record(kind, actor, now, thing is null ? null : (thing.Id, thing.Position), note, link);

    private void Record(ProgressEventKind kind, Actor actor, DateTimeOffset now, (Guid, int)? thing, string? note = null, string? link = null)
    {
        _events.Add(ProgressEvent.Of(this, kind, actor, now, thing, note, link));
        Touch();
    }

    private void Touch() => Revision++;
}
