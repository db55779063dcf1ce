using EnSakITaget.Domain.Courses;

namespace EnSakITaget.Application.Courses;

public sealed record CourseDto(
    Guid Id, Guid CountyId, string Title, string Description, string Language,
    int Version, CourseStatus Status, int? PublishedVersion, IReadOnlyList<ThingDto> Things,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record ThingDto(
    Guid Id, int Position, string Title, string Instructions, IReadOnlyList<string> Links, int EstimatedMinutes, string ReportPrompt);

public sealed record RoundDto(
    Guid Id, Guid CourseId, int CourseVersion, string Title, Guid HomeLibraryId, IReadOnlyList<Guid> CoordinatorIds,
    DateOnly KickOff, DateOnly Deadline, bool WorkAheadAllowed, RoundStatus Status,
    int ThingCount, int ReleasedCount, DateOnly? NextReleaseDate,
    DateTimeOffset CreatedAt, DateTimeOffset? OpenedAt, DateTimeOffset? ClosedAt);

/// <param name="NextReleaseDate">When the next thing is planned, if it is.</param>
/// <param name="NextThingId">The next thing to be released, planned or not.</param>
public sealed record ScheduleDto(
    Guid RoundId, RoundStatus Status, ScheduleMode Mode, int? EveryWeeks, IReadOnlyList<DateRange> Pauses,
    DateOnly KickOff, DateOnly Deadline, DateOnly? NextReleaseDate, Guid? NextThingId, int ReleasedCount,
    IReadOnlyList<ScheduledThingDto> Things);

public sealed record ScheduledThingDto(Guid ThingId, int Position, string Title, DateOnly? PlannedDate, DateTimeOffset? ReleasedAt);
