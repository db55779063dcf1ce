namespace EnSakITaget.Bench.National;

/// <summary>One dated change of an enrolment, as participants.progress_events keeps it.</summary>
/// <param name="ByParticipant">The participant's own act (a start, a report); otherwise a coordinator's.</param>
internal readonly record struct SeedEvent(string Kind, DateTimeOffset At, int? Position, string? Note, bool ByParticipant);

/// <summary>A started thing, as participants.thing_progress keeps it.</summary>
internal sealed class ThingHistory(int position, DateTimeOffset startedAt)
{
    public int Position { get; } = position;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public DateTimeOffset? ReportedAt { get; set; }
    public string? Reflection { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgementComment { get; set; }
}

/// <summary>Who is enrolled where, before anything has happened; the participant acts under their e-mail, the round's coordinator under a name.</summary>
internal sealed record EnrolmentSlot(
    Guid RoundId, Guid RoundLibraryId, IReadOnlyList<Guid> ThingIds, Guid StaffMemberId, string StaffEmail, string CoordinatorName);

/// <summary>
/// An enrolment with everything that happened to it, and the counters and moments that the
/// domain's <c>Enrolment</c> would hold after those events: the rows of enrolments,
/// thing_progress and progress_events agree with each other as the API leaves them.
/// </summary>
internal sealed class EnrolmentHistory(Guid id, EnrolmentSlot slot, DateTimeOffset invitedAt)
{
    private readonly List<SeedEvent> _events = [];
    private readonly List<ThingHistory> _things = [];

    public Guid Id { get; } = id;
    public EnrolmentSlot Slot { get; } = slot;
    public DateTimeOffset InvitedAt { get; } = invitedAt;
    public bool AttendedKickOff { get; private set; }
    public DateTimeOffset? ActivatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public DateTimeOffset? LastActivityAt { get; private set; }
    public DateTimeOffset? LastNudgedAt { get; private set; }
    public int NudgeCount { get; private set; }
    public int ThingsReported { get; private set; }

    public string Status => WithdrawnAt is not null ? "Withdrawn"
        : CompletedAt is not null ? "Completed"
        : ActivatedAt is not null ? "Active"
        : "Invited";

    /// <summary>Every event changes the enrolment's revision once.</summary>
    public int Revision => _events.Count;

    public IReadOnlyList<ThingHistory> Things => _things;

    /// <summary>In the order they happened; of two at the same moment, in the order they were recorded.</summary>
    public IEnumerable<SeedEvent> Events => _events.Index().OrderBy(e => e.Item.At).ThenBy(e => e.Index).Select(e => e.Item);

    public static EnrolmentHistory Invite(EnrolmentSlot slot, DateTimeOffset at)
    {
        var history = new EnrolmentHistory(Guid.CreateVersion7(at), slot, at);
        history._events.Add(new SeedEvent("Invited", at, null, null, ByParticipant: false));
        return history;
    }

    public void AttendKickOff(DateTimeOffset at)
    {
        AttendedKickOff = true;
        Activate(at);
        _events.Add(new SeedEvent("KickOffRecorded", at, null, "attended", ByParticipant: false));
    }

    public ThingHistory Start(int position, DateTimeOffset at)
    {
        var thing = new ThingHistory(position, at);
        _things.Add(thing);
        Activate(at);
        Touch(at);
        _events.Add(new SeedEvent("Started", at, position, null, ByParticipant: true));
        return thing;
    }

    /// <summary>Reports a started thing for the first time; the last thing completes the enrolment.</summary>
    public void Report(ThingHistory thing, string reflection, DateTimeOffset at)
    {
        thing.ReportedAt = at;
        thing.Reflection = reflection;
        Touch(at);
        _events.Add(new SeedEvent("Reported", at, thing.Position, reflection, ByParticipant: true));
        ThingsReported++;
        if (ThingsReported == Slot.ThingIds.Count)
        {
            CompletedAt = at;
            _events.Add(new SeedEvent("Completed", at, null, null, ByParticipant: true));
        }
    }

    public void Revise(ThingHistory thing, string reflection, DateTimeOffset at)
    {
        thing.Reflection = reflection;
        Touch(at);
        _events.Add(new SeedEvent("ReflectionRevised", at, thing.Position, reflection, ByParticipant: true));
    }

    public void Acknowledge(ThingHistory thing, string? comment, DateTimeOffset at)
    {
        thing.AcknowledgedAt = at;
        thing.AcknowledgementComment = comment;
        _events.Add(new SeedEvent("Acknowledged", at, thing.Position, comment, ByParticipant: false));
    }

    public void Nudge(string message, DateTimeOffset at)
    {
        LastNudgedAt = at;
        NudgeCount++;
        _events.Add(new SeedEvent("Nudged", at, null, message, ByParticipant: false));
    }

    public void Withdraw(DateTimeOffset at)
    {
        WithdrawnAt = at;
        _events.Add(new SeedEvent("Withdrawn", at, null, null, ByParticipant: false));
    }

    private void Activate(DateTimeOffset at)
    {
        if (ActivatedAt is null || at < ActivatedAt)
        {
            ActivatedAt = at;
        }
    }

    private void Touch(DateTimeOffset at)
    {
        if (LastActivityAt is null || at > LastActivityAt)
        {
            LastActivityAt = at;
        }
    }
}
