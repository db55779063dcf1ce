using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace EnSakITaget.Application.Common.Spreadsheets;

/// <summary>
/// RFC 4180 CSV in UTF-8 with a byte order mark (so that Excel reads å, ä and ö), the same
/// whatever the server's culture: dates <c>2026-11-30</c>, times ISO 8601 with their offset,
/// numbers with a decimal point. One table is a header row and its rows. Several tables come one
/// under another, a blank line between them, and each line starts with a <c>table</c> column that
/// names its table, its header row included, so that a spreadsheet user can filter by it.
/// </summary>
public static class CsvSpreadsheet
{
    public const string MediaType = "text/csv";
    public const string TableColumn = "table";

    public static byte[] Write(Spreadsheet spreadsheet)
    {
        var named = spreadsheet.Tables.Count > 1;
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" }))
        {
            for (var t = 0; t < spreadsheet.Tables.Count; t++)
            {
                var table = spreadsheet.Tables[t];
                if (t > 0)
                {
                    csv.NextRecord();
                }

                if (named)
                {
                    csv.WriteField(TableColumn);
                }

                foreach (var column in table.Columns)
                {
                    WriteText(csv, column);
                }

                csv.NextRecord();
                foreach (var row in table.Rows)
                {
                    if (named)
                    {
                        csv.WriteField(table.Name);
                    }

                    foreach (var cell in row)
                    {
                        WriteCell(csv, cell);
                    }

                    csv.NextRecord();
                }
            }
        }

        return stream.ToArray();
    }

    private static void WriteCell(CsvWriter csv, object? cell)
    {
        switch (cell)
        {
            case null:
                csv.WriteField(string.Empty);
                break;
            case string text:
                WriteText(csv, text);
                break;
            case bool flag:
                csv.WriteField(flag ? "true" : "false");
                break;
            case double number:
                csv.WriteField(double.IsFinite(number) ? number.ToString("R", CultureInfo.InvariantCulture) : string.Empty);
                break;
            case DateOnly date:
                csv.WriteField(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset time:
                // As System.Text.Json writes it in the JSON answer: no trailing zeros in the fraction.
                csv.WriteField(time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
                break;
            case IFormattable formattable:
                csv.WriteField(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                WriteText(csv, cell.ToString() ?? string.Empty);
                break;
        }
    }

    /// <summary>
    /// Text that a spreadsheet would take for a formula is written, as OWASP advises against CSV
    /// injection, with a leading apostrophe and in quotes, so that Excel and LibreOffice show it as
    /// text. Only text: a number the system computed, negative or not, stays a number.
    /// </summary>
    private static void WriteText(CsvWriter csv, string text)
    {
        if (SpreadsheetText.WouldBeEvaluated(text))
        {
            csv.WriteField($"'{text}", shouldQuote: true);
        }
        else
        {
            csv.WriteField(text);
        }
    }
}
