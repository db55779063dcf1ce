namespace EnSakITaget.Domain.Participants;

/// <summary>
/// How many things the staff of one unit reported in one round on one day: the read model that
/// statistics by period and the weekly series add up, kept in the same transaction as each
/// report so that no request reads the progress events.
/// </summary>
public sealed class DailyReportCount
{
    private DailyReportCount()
    {
    }

    public Guid RoundId { get; private set; }

    /// <summary>The unit the reporter worked at when they reported.</summary>
    public Guid UnitId { get; private set; }

    public DateOnly Day { get; private set; }
    public Guid RoundLibraryId { get; private set; }
    public int Reports { get; private set; }

    public static DailyReportCount Of(Guid roundId, Guid unitId, Guid roundLibraryId, DateOnly day, int reports) => new()
    {
        RoundId = roundId,
        UnitId = unitId,
        RoundLibraryId = roundLibraryId,
        Day = day,
        Reports = reports,
    };
}
