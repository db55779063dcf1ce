namespace EnSakITaget.Application.Statistics.Contracts;

/// <summary>The period statistics cover: calendar days in the libraries' time zone, both ends included.</summary>
/// <param name="From">None: from the beginning.</param>
/// <param name="To">The last day.</param>
/// <param name="Today">"Active in the last 30 days" counts back from today, whatever the period.</param>
public sealed record StatisticsPeriod(DateOnly? From, DateOnly To, DateOnly Today)
{
    public bool IsAllTime => From is null && To >= Today;
}

/// <summary>What the Participants module counts, per library unit of the staff, from its read model (never from the events).</summary>
public interface IParticipationStatistics
{
    /// <param name="roundIds">Only these rounds (a course's); null for all.</param>
    /// <param name="unitIds">Only staff of these units; null for all.</param>
    Task<IReadOnlyList<UnitParticipation>> PerUnitAsync(
        StatisticsPeriod period, IReadOnlyCollection<Guid>? roundIds, IReadOnlyCollection<Guid>? unitIds, CancellationToken cancellationToken);

    /// <summary>Reports per calendar day in the period, of staff of these units (null: all) in these rounds (null: all).</summary>
    Task<IReadOnlyDictionary<DateOnly, int>> ReportsPerDayAsync(
        StatisticsPeriod period, IReadOnlyCollection<Guid>? roundIds, IReadOnlyCollection<Guid>? unitIds, CancellationToken cancellationToken);

    /// <summary>Enrolments that have not withdrawn, per round.</summary>
    Task<IReadOnlyDictionary<Guid, int>> EnrolledPerRoundAsync(IReadOnlyCollection<Guid> roundIds, CancellationToken cancellationToken);

    /// <summary>One round's progress, for its statistics.</summary>
    Task<RoundParticipation> RoundAsync(Guid roundId, CancellationToken cancellationToken);
}

/// <param name="Enrolled">Distinct people with an enrolment (not withdrawn) invited by the end of the period.</param>
/// <param name="ThingsReported">In the period.</param>
public sealed record UnitParticipation(
    Guid UnitId, int Enrolled, int ManagersTakingPart, int ActiveLast30Days, int EnrolmentsCompleted, int ThingsReported);

/// <param name="ReportedPerPosition">How many have reported each thing, by position.</param>
/// <param name="ReportsPerDay">Reports per calendar day.</param>
public sealed record RoundParticipation(
    IReadOnlyList<EnrolmentFigures> Enrolments, IReadOnlyDictionary<int, int> ReportedPerPosition, IReadOnlyDictionary<DateOnly, int> ReportsPerDay);

public sealed record EnrolmentFigures(bool HasCompleted, DateTimeOffset? ActivatedAt, DateTimeOffset? CompletedAt, int ThingsReported, DateOnly? LastActiveOn);

/// <summary>What the Feedback module counts: closing survey responses.</summary>
public interface IFeedbackStatistics
{
    /// <summary>Per round that has a survey: its home library and its closing responses in the period.</summary>
    Task<IReadOnlyList<RoundResponses>> ResponsesPerRoundAsync(StatisticsPeriod period, IReadOnlyCollection<Guid>? roundIds, CancellationToken cancellationToken);
}

public sealed record RoundResponses(Guid RoundId, Guid HomeLibraryId, int Responses);
