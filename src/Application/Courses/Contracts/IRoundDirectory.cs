using EnSakITaget.Domain.Courses;

namespace EnSakITaget.Application.Courses.Contracts;

/// <summary>What the Courses module tells other modules about a round.</summary>
public interface IRoundDirectory
{
    /// <summary>A round the caller may see, with its things, or null.</summary>
    Task<RoundPlan?> FindPlanAsync(Guid roundId, CancellationToken cancellationToken);

    /// <summary>
    /// Rounds with their things whoever asks: for a participant, whose right to see a round is
    /// their enrolment in it, which the caller has checked.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, RoundPlan>> PlansAsync(IReadOnlyCollection<Guid> roundIds, CancellationToken cancellationToken);

    /// <summary>Whether the caller may see the course.</summary>
    Task<bool> IsCourseVisibleAsync(Guid courseId, CancellationToken cancellationToken);

    /// <summary>The rounds of a course, whoever's scope they lie in.</summary>
    Task<IReadOnlyList<Guid>> RoundIdsOfCourseAsync(Guid courseId, CancellationToken cancellationToken);

    /// <summary>
    /// In one query, the open rounds in the caller's scope the notice scheduler has something to say
    /// about: a thing released at or after <see cref="NoticeWindow.ReleasedSince"/>, or a deadline in
    /// <see cref="NoticeWindow.DeadlineFrom"/> to <see cref="NoticeWindow.DeadlineTo"/>; every open
    /// round when <see cref="NoticeWindow.EveryOpenRound"/> (the week's digest). Only their ids.
    /// </summary>
    Task<IReadOnlyList<Guid>> OpenRoundIdsToWriteAboutAsync(NoticeWindow window, CancellationToken cancellationToken);

    /// <summary>The rounds in the caller's scope closed at or after the moment given: only their ids.</summary>
    Task<IReadOnlyList<Guid>> ClosedRoundIdsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}

/// <summary>What the notice scheduler asks for; see <see cref="IRoundDirectory.OpenRoundIdsToWriteAboutAsync"/>. A null bound matches nothing.</summary>
public sealed record NoticeWindow(DateTimeOffset? ReleasedSince, DateOnly? DeadlineFrom, DateOnly? DeadlineTo, bool EveryOpenRound);

/// <summary>A round and its things in order, as participants and the follow-up see them.</summary>
public sealed record RoundPlan(
    Guid Id, Guid CourseId, string Title, Guid HomeLibraryId, RoundStatus Status, DateOnly KickOff, DateOnly Deadline, bool WorkAheadAllowed,
    IReadOnlyList<PlannedThing> Things)
{
    /// <summary>Only an open round takes progress.</summary>
    public bool IsOpen => Status == RoundStatus.Open;

    /// <summary>A closed round takes nothing more.</summary>
    public bool IsClosed => Status == RoundStatus.Closed;
    public int ReleasedCount => Things.Count(t => t.ReleasedAt is not null);

    /// <summary>The users named as the round's coordinators; none named means the home library's coordinators.</summary>
    public IReadOnlyList<Guid> CoordinatorIds { get; init; } = [];

    public PlannedThing? Thing(Guid thingId) => Things.FirstOrDefault(t => t.Id == thingId);
}

public sealed record PlannedThing(
    Guid Id, int Position, string Title, string Instructions, IReadOnlyList<string> Links, int EstimatedMinutes, string ReportPrompt,
    DateOnly? PlannedDate, DateTimeOffset? ReleasedAt);
