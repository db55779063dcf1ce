using EnSakITaget.Application.Common.Spreadsheets;

namespace EnSakITaget.Application.Statistics.GetLibraryStatistics;

/// <summary>The page's library rows as one table, a column per JSON field.</summary>
public static class LibraryStatisticsSpreadsheet
{
    public static Spreadsheet Of(LibraryStatisticsList list) => new(SpreadsheetTable.Of("libraries", list.Items));
}
