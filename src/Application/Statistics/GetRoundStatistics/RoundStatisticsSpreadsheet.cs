using EnSakITaget.Application.Common.Spreadsheets;

namespace EnSakITaget.Application.Statistics.GetRoundStatistics;

/// <summary>
/// A round's statistics as the tables a spreadsheet user reads: the round, its pace, completion
/// per thing (with how many stand at each, the spread's <c>standingAt</c>), the rest of the
/// spread, the weekly reports and the feedback. Every column is named as in the JSON answer.
/// </summary>
public static class RoundStatisticsSpreadsheet
{
    public static Spreadsheet Of(RoundStatisticsDto statistics) => new(
        SpreadsheetTable.Of("round", [new
        {
            statistics.RoundId, statistics.Title, statistics.Status, statistics.Enrolled, statistics.Completed,
            statistics.ActiveLast30Days, statistics.Suppressed,
        }]),
        SpreadsheetTable.Of("pace", [new { statistics.MedianPacePerMonth }]),
        SpreadsheetTable.Of("things", statistics.Things).With("standingAt", statistics.Spread.StandingAt),
        SpreadsheetTable.Of("spread", [statistics.Spread]),
        SpreadsheetTable.Of("weeklyReports", statistics.WeeklyReports),
        SpreadsheetTable.Of("feedback", [new { statistics.FeedbackResponses, statistics.FeedbackResponseRate }]));
}
