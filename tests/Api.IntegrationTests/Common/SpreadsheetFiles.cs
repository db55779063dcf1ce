using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EnSakITaget.Api.IntegrationTests.Common;

/// <summary>A cell of a workbook as a spreadsheet sees it.</summary>
/// <param name="Type">The cell's data type: <c>inlineStr</c>, <c>s</c>, <c>b</c>, <c>str</c>, or <c>n</c> for a number.</param>
/// <param name="Value">Its text, or the number as written.</param>
/// <param name="NumberFormat">The format code of its style, if it has one (<c>yyyy-mm-dd</c>).</param>
/// <param name="HasFormula">Whether a formula is written in it.</param>
public sealed record WorkbookCell(string Type, string Value, string? NumberFormat, bool QuotePrefix, bool HasFormula)
{
    public bool IsText => Type is "inlineStr" or "s";

    public bool IsNumber => Type == "n" && double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    public bool IsDate => IsNumber && NumberFormat is { } format && format.Contains("yyyy", StringComparison.Ordinal);

    public double Number => double.Parse(Value, NumberStyles.Float, CultureInfo.InvariantCulture);
}

/// <summary>A sheet: its header row and its rows, each cell by its column's header.</summary>
public sealed record WorkbookSheet(string Name, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyDictionary<string, WorkbookCell>> Rows)
{
    public IEnumerable<WorkbookCell> Cells => Rows.SelectMany(r => r.Values);
}

/// <summary>Exports asked for through HTTP, and read back the way a spreadsheet reads them.</summary>
public static class SpreadsheetFiles
{
    public const string Csv = "text/csv";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly char[] FormulaTriggers = ['=', '+', '-', '@', '\t', '\r'];

    public static async Task<byte[]> ExportAsync(this HttpClient client, string url, string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, Encoding.UTF8.GetString(bytes));
        response.Content.Headers.ContentType!.MediaType.ShouldBe(mediaType);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        return bytes;
    }

    /// <summary>Every line of a CSV, read by RFC 4180, after its UTF-8 byte order mark.</summary>
    public static List<string[]> CsvLines(byte[] bytes)
    {
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        using var parser = new CsvParser(
            new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false)),
            new CsvConfiguration(CultureInfo.InvariantCulture) { IgnoreBlankLines = false });
        var lines = new List<string[]>();
        while (parser.Read())
        {
            lines.Add(parser.Record ?? []);
        }

        return lines;
    }

    /// <summary>The tables of a CSV of several: each block starts with a header row whose first cell is <c>table</c>.</summary>
    public static Dictionary<string, List<Dictionary<string, string>>> CsvTables(byte[] bytes)
    {
        var tables = new Dictionary<string, List<Dictionary<string, string>>>();
        string[]? header = null;
        foreach (var line in CsvLines(bytes).Where(l => l.Any(c => c.Length > 0)))
        {
            if (line[0] == "table")
            {
                header = line;
                continue;
            }

            var rows = tables.TryGetValue(line[0], out var found) ? found : tables[line[0]] = [];
            rows.Add(header!.Select((name, i) => (name, value: i < line.Length ? line[i] : string.Empty)).ToDictionary(c => c.name, c => c.value));
        }

        return tables;
    }

    /// <summary>
    /// Whether Excel or LibreOffice, opening the CSV, would take the cell for a formula: it begins
    /// with = + - @, a tab or a carriage return, and is not a plain number such as -1.5.
    /// </summary>
    public static bool WouldBeEvaluated(string cell) =>
        cell.Length > 0 && FormulaTriggers.Contains(cell[0])
        && !double.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _);

    public static List<WorkbookSheet> OpenWorkbook(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var formats = stylesheet?.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var cellFormats = stylesheet?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var sheets = new List<WorkbookSheet>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var rows = part.Worksheet.Descendants<Row>().Select(row => row.Elements<Cell>().ToDictionary(
                c => new string([.. c.CellReference!.Value!.TakeWhile(char.IsLetter)]),
                c => CellOf(c, shared, formats, cellFormats))).ToList();
            var columns = rows.Count == 0 ? [] : rows[0].OrderBy(c => c.Key.Length).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
            var header = columns.Select(c => c.Value.Value).ToList();
            sheets.Add(new WorkbookSheet(
                sheet.Name!.Value!,
                header,
                [.. rows.Skip(1).Select(r => (IReadOnlyDictionary<string, WorkbookCell>)columns
                    .Where(c => r.ContainsKey(c.Key)).ToDictionary(c => c.Value.Value, c => r[c.Key]))]));
            // Checked on the XML itself, not only on the cells read: nothing anywhere is a formula.
            part.Worksheet.Descendants<CellFormula>().ShouldBeEmpty($"a formula in sheet {sheet.Name}");
        }

        return sheets;
    }

    private static WorkbookCell CellOf(Cell cell, List<string> shared, Dictionary<uint, string> formats, List<CellFormat> cellFormats)
    {
        var dataType = cell.DataType?.Value;
        var type = dataType is null ? "n"
            : dataType == CellValues.InlineString ? "inlineStr"
            : dataType == CellValues.SharedString ? "s"
            : dataType == CellValues.Boolean ? "b"
            : dataType == CellValues.String ? "str"
            : dataType == CellValues.Number ? "n"
            : "other";
        var value = type switch
        {
            "inlineStr" => cell.InlineString!.InnerText,
            "s" => shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)],
            _ => cell.CellValue?.Text ?? string.Empty,
        };
        var style = cell.StyleIndex?.Value is { } index && index < cellFormats.Count ? cellFormats[(int)index] : null;
        var numberFormat = style?.NumberFormatId?.Value is { } id && formats.TryGetValue(id, out var code) ? code : null;
        return new WorkbookCell(type, value, numberFormat, style?.QuotePrefix?.Value ?? false, cell.CellFormula is not null);
    }
}
