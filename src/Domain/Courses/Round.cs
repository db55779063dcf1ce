using EnSakITaget.Domain.Common;

namespace EnSakITaget.Domain.Courses;

public enum RoundStatus
{
    Draft,
    Open,
    Closed,
}

public enum ScheduleMode
{
    /// <summary>No plan yet: things are released by hand (release-next).</summary>
    Manual,

    /// <summary>One thing every N weeks from the kick-off, skipping pauses.</summary>
    Cadence,

    /// <summary>A date chosen for each thing.</summary>
    Dates,
}

/// <summary>A stretch of days, both ends included, in which nothing is released (the summer, say).</summary>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;
}

/// <summary>
/// One run of a published course for a home library organisation. The round keeps its own copy
/// of the things it started with, releases them one at a time, and is the only place that
/// decides whether a release, a plan or a change of dates is allowed.
/// </summary>
public sealed class Round : IAudited
{
    private Round()
    {
    }

    public Guid Id { get; private set; }
    public Guid CourseId { get; private set; }
    public int CourseVersion { get; private set; }
    public string Title { get; private set; } = string.Empty;

    /// <summary>The municipal library organisation the round is run for.</summary>
    public Guid HomeLibraryId { get; private set; }

    public IReadOnlyList<Guid> CoordinatorIds { get; private set; } = [];
    public DateOnly KickOff { get; private set; }
    public DateOnly Deadline { get; private set; }

    /// <summary>Whether participants may start things before they are released.</summary>
    public bool WorkAheadAllowed { get; private set; }

    public RoundStatus Status { get; private set; }
    public ScheduleMode ScheduleMode { get; private set; }
    public int? CadenceWeeks { get; private set; }
    public List<DateRange> Pauses { get; private set; } = [];
    public List<RoundThing> Things { get; private set; } = [];

    /// <summary>When the next planned release is due; kept so the scheduler finds due rounds without reading them all.</summary>
    public DateOnly? NextReleaseDate { get; private set; }

    /// <summary>When a thing of the round was last released; kept so the notice tick finds the rounds with news without reading their things.</summary>
    public DateTimeOffset? LastReleasedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? OpenedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Changes with every change: of two instances releasing the same thing, only one saves.</summary>
    public int Revision { get; private set; }

    Guid? IAudited.AuditLibraryId => HomeLibraryId;

    public RoundThing? NextThing => Things.FirstOrDefault(t => t.ReleasedAt is null);

    public static Round Plan(
        CourseVersion course, Guid homeLibraryId, string? title, IReadOnlyList<Guid> coordinatorIds,
        DateOnly kickOff, DateOnly deadline, bool workAheadAllowed, DateTimeOffset now)
    {
        EnsureDeadlineAfterKickOff(kickOff, deadline);
        return new Round
        {
            Id = Guid.CreateVersion7(now),
            CourseId = course.CourseId,
            CourseVersion = course.Version,
            Title = string.IsNullOrWhiteSpace(title) ? course.Title : title,
            HomeLibraryId = homeLibraryId,
            CoordinatorIds = [.. coordinatorIds.Distinct()],
            KickOff = kickOff,
            Deadline = deadline,
            WorkAheadAllowed = workAheadAllowed,
            Status = RoundStatus.Draft,
            ScheduleMode = ScheduleMode.Manual,
            Things = [.. course.Things.Select((t, i) => RoundThing.CopyOf(t, i + 1))],
            CreatedAt = now,
        };
    }

    public void Change(string title, IReadOnlyList<Guid> coordinatorIds, DateOnly kickOff, DateOnly deadline, bool workAheadAllowed, DateOnly today)
    {
        EnsureNotClosed("changed");
        if (kickOff != KickOff && Status != RoundStatus.Draft)
        {
            throw new CourseRuleException("The kick-off of an open round cannot move.");
        }

        if (Status == RoundStatus.Open && deadline < today)
        {
            throw new CourseRuleException($"The deadline {deadline:yyyy-MM-dd} has passed: an open round would close at once. Close it instead.");
        }

        EnsureDeadlineAfterKickOff(kickOff, deadline);
        var replanCadence = kickOff != KickOff && ScheduleMode == ScheduleMode.Cadence;
        if (!replanCadence
            && Things.Where(t => t.ReleasedAt is null).FirstOrDefault(t => t.PlannedDate > deadline || t.PlannedDate < kickOff) is { } misplaced)
        {
            throw new CourseRuleException(
                $"Thing {misplaced.Position} is planned for {misplaced.PlannedDate:yyyy-MM-dd}, outside {kickOff:yyyy-MM-dd} to {deadline:yyyy-MM-dd}: change the schedule first.");
        }

        Title = title;
        CoordinatorIds = [.. coordinatorIds.Distinct()];
        KickOff = kickOff;
        Deadline = deadline;
        WorkAheadAllowed = workAheadAllowed;
        if (replanCadence)
        {
            // A cadence counts from the kick-off: it moves with it.
            PlanCadence(CadenceWeeks!.Value, Pauses, today);
        }

        Touch();
    }

    /// <summary>
    /// One thing every <paramref name="everyWeeks"/> weeks: from the kick-off, or, once things are
    /// out, from the last release, and never before <paramref name="today"/>, so that a new plan never
    /// releases several things at once. A release that falls in a pause waits for its end.
    /// </summary>
    public void PlanCadence(int everyWeeks, IReadOnlyList<DateRange> pauses, DateOnly today)
    {
        EnsureNotClosed("rescheduled");
        if (everyWeeks < 1)
        {
            throw new CourseRuleException("A cadence is at least one week.", "everyWeeks");
        }

        var lastRelease = Things.LastOrDefault(t => t.ReleasedAt is not null) is { } last
            ? last.PlannedDate ?? DateOnly.FromDateTime(last.ReleasedAt!.Value.UtcDateTime)
            : (DateOnly?)null;
        DateOnly? next = Later(lastRelease?.AddDays(7 * everyWeeks) ?? KickOff, today);
        var dates = new List<DateOnly>();
        foreach (var thing in Things)
        {
            if (thing.ReleasedAt is not null)
            {
                dates.Add(thing.PlannedDate ?? KickOff);
                continue;
            }

            // Null once the plan has run past the calendar's last day, 9999-12-31: far past any deadline.
            var day = next ?? throw AfterTheDeadline(thing);
            while (pauses.FirstOrDefault(p => p.Contains(day)) is { } pause)
            {
                day = LaterBy(pause.To, 1) ?? throw AfterTheDeadline(thing);
            }

            dates.Add(day);
            next = LaterBy(day, 7 * everyWeeks);
        }

        ApplyPlan(dates, today, ScheduleMode.Cadence);
        ScheduleMode = ScheduleMode.Cadence;
        CadenceWeeks = everyWeeks;
        Pauses = [.. pauses];
        Touch();
    }

    /// <summary>A date for each thing, in the course's order: one thing at a time means never two out of turn, and never in the past.</summary>
    public void PlanDates(IReadOnlyDictionary<Guid, DateOnly> dates, DateOnly today)
    {
        EnsureNotClosed("rescheduled");
        if (Things.Where(t => t.ReleasedAt is null).FirstOrDefault(t => !dates.ContainsKey(t.Id)) is { } missing)
        {
            throw new CourseRuleException($"Thing {missing.Position} ({missing.Title}) has no date.", "dates");
        }

        var unknown = dates.Keys.Where(id => Things.All(t => t.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            throw new CourseRuleException($"The round has no thing {unknown[0]}.", "dates");
        }

        // Released things keep the dates they had; only the rest are planned.
        ApplyPlan([.. Things.Select(t => t.ReleasedAt is null ? dates[t.Id] : t.PlannedDate ?? KickOff)], today, ScheduleMode.Dates);
        ScheduleMode = ScheduleMode.Dates;
        CadenceWeeks = null;
        Pauses = [];
        Touch();
    }

    public void Open(DateOnly today, DateTimeOffset now)
    {
        if (Status != RoundStatus.Draft)
        {
            throw new CourseRuleException($"The round is {Status}; only a draft round opens.");
        }

        if (today > Deadline)
        {
            throw new CourseRuleException($"The deadline {Deadline:yyyy-MM-dd} has passed; a round cannot open after it.");
        }

        Status = RoundStatus.Open;
        OpenedAt = now;
        Touch();
    }

    public void Close(DateTimeOffset now)
    {
        EnsureNotClosed("closed");
        Status = RoundStatus.Closed;
        ClosedAt = now;
        NextReleaseDate = null;
        Touch();
    }

    public int ReleasedCount => Things.Count(t => t.ReleasedAt is not null);

    /// <summary>
    /// Releases the next thing now, ahead of the plan, if <paramref name="expectedReleased"/>
    /// things are released so far. One more than expected means the release asked for has
    /// happened already (a double click, a retry, a second coordinator): nothing more is
    /// released, so one click releases at most one thing. Any other count is a stale view.
    /// </summary>
    /// <returns>The thing released now, or null when the one asked for was released before.</returns>
    public RoundThing? ReleaseNext(int expectedReleased, DateOnly today, DateTimeOffset now)
    {
        var released = ReleasedCount;
        if (expectedReleased == released - 1)
        {
            return null;
        }

        if (expectedReleased != released)
        {
            throw new StaleExpectationException(
                "expectedReleased", $"{released} things are released, not {expectedReleased}; read the schedule again.");
        }

        return ReleaseNext(today, now);
    }

    /// <summary>Releases the next thing now, ahead of (or without) the plan.</summary>
    public RoundThing ReleaseNext(DateOnly today, DateTimeOffset now)
    {
        EnsureMayRelease(today);
        var next = NextThing ?? throw new CourseRuleException("Every thing of the round is already released.");
        next.Release(now);
        LastReleasedAt = now;
        UpdateNextReleaseDate();
        Touch();
        return next;
    }

    /// <summary>What the scheduler does on its round: close after the deadline, else release every thing that is due.</summary>
    /// <returns>The things released now.</returns>
    public IReadOnlyList<RoundThing> ReleaseDue(DateOnly today, DateTimeOffset now)
    {
        if (Status != RoundStatus.Open)
        {
            return [];
        }

        if (today > Deadline)
        {
            Close(now);
            return [];
        }

        if (today < KickOff)
        {
            return [];
        }

        var due = Things.TakeWhile(t => t.ReleasedAt is not null || t.PlannedDate <= today).Where(t => t.ReleasedAt is null).ToList();
        foreach (var thing in due)
        {
            thing.Release(now);
        }

        if (due.Count > 0)
        {
            LastReleasedAt = now;
            UpdateNextReleaseDate();
            Touch();
        }

        return due;
    }

    public bool IsCoordinatedBy(Guid userId) => CoordinatorIds.Contains(userId);

    private void EnsureMayRelease(DateOnly today)
    {
        if (Status == RoundStatus.Closed)
        {
            throw new CourseRuleException("The round is closed: nothing more is released.");
        }

        if (Status != RoundStatus.Open)
        {
            throw new CourseRuleException("Open the round before releasing its things.");
        }

        if (today < KickOff)
        {
            throw new CourseRuleException($"Nothing is released before the kick-off on {KickOff:yyyy-MM-dd}.");
        }
    }

    private void ApplyPlan(IReadOnlyList<DateOnly> dates, DateOnly today, ScheduleMode mode)
    {
        // Chosen dates are to blame for a date out of bounds; a cadence's dates follow from the kick-off and the deadline.
        string PlanField(string cadenceField) => mode == ScheduleMode.Dates ? "dates" : cadenceField;

        for (var i = 0; i < Things.Count; i++)
        {
            var (thing, date) = (Things[i], dates[i]);
            if (thing.ReleasedAt is not null)
            {
                continue;
            }

            if (date < KickOff || date > Deadline)
            {
                throw new CourseRuleException(
                    $"Thing {thing.Position} would be released on {date:yyyy-MM-dd}, outside {KickOff:yyyy-MM-dd} to the deadline {Deadline:yyyy-MM-dd}.",
                    PlanField(date > Deadline ? "deadline" : "kickOff"));
            }

            if (date < today)
            {
                throw new CourseRuleException($"Thing {thing.Position} would be released on {date:yyyy-MM-dd}, a day already past.", PlanField("kickOff"));
            }

            if (i > 0 && Things[i - 1].ReleasedAt is null && date < dates[i - 1])
            {
                throw new CourseRuleException($"Thing {thing.Position} would be released before thing {thing.Position - 1}: one thing at a time.", "dates");
            }
        }

        for (var i = 0; i < Things.Count; i++)
        {
            if (Things[i].ReleasedAt is null)
            {
                Things[i].PlanFor(dates[i]);
            }
        }

        UpdateNextReleaseDate();
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly? LaterBy(DateOnly day, int days) =>
        DateOnly.MaxValue.DayNumber - day.DayNumber < days ? null : day.AddDays(days);

    private CourseRuleException AfterTheDeadline(RoundThing thing) =>
        new($"Thing {thing.Position} would be released after the deadline {Deadline:yyyy-MM-dd}.", "deadline");

    private void UpdateNextReleaseDate() =>
        NextReleaseDate = Status == RoundStatus.Closed ? null : NextThing?.PlannedDate;

    private void EnsureNotClosed(string what)
    {
        if (Status == RoundStatus.Closed)
        {
            throw new CourseRuleException($"The round is closed and cannot be {what}.");
        }
    }

    private static void EnsureDeadlineAfterKickOff(DateOnly kickOff, DateOnly deadline)
    {
        if (deadline < kickOff)
        {
            throw new CourseRuleException($"The deadline {deadline:yyyy-MM-dd} is before the kick-off {kickOff:yyyy-MM-dd}.", "deadline");
        }
    }

    private void Touch() => Revision++;
}

/// <summary>A thing as the round runs it: its own copy of the course's content, with its plan and its release.</summary>
public sealed class RoundThing
{
    private RoundThing()
    {
    }

    /// <summary>The course thing's id, the same in every version and every round.</summary>
    public Guid Id { get; private set; }

    public int Position { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string Instructions { get; private set; } = string.Empty;
    public IReadOnlyList<string> Links { get; private set; } = [];
    public int EstimatedMinutes { get; private set; }
    public string ReportPrompt { get; private set; } = string.Empty;
    public DateOnly? PlannedDate { get; private set; }
    public DateTimeOffset? ReleasedAt { get; private set; }

    public bool IsReleased => ReleasedAt is not null;

    internal static RoundThing CopyOf(CourseThing thing, int position) => new()
    {
        Id = thing.Id,
        Position = position,
        Title = thing.Title,
        Instructions = thing.Instructions,
        Links = [.. thing.Links],
        EstimatedMinutes = thing.EstimatedMinutes,
        ReportPrompt = thing.ReportPrompt,
    };

    internal void PlanFor(DateOnly date) => PlannedDate = date;

    internal void Release(DateTimeOffset now) => ReleasedAt ??= now;
}
