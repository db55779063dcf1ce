using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EnSakITaget.Application.Common.Spreadsheets;

/// <summary>
/// An Excel workbook (.xlsx) with a sheet per table and typed cells: numbers are numbers, dates
/// are dates (<c>yyyy-mm-dd</c>), times are date-times in UTC, yes/no are booleans, and text is
/// text, never a formula, so that Swedish Excel, with its semicolons and decimal commas, opens it
/// right. The header row is bold and stays in view.
/// </summary>
public static class XlsxSpreadsheet
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint DateFormatId = 164;
    private const uint TimeFormatId = 165;
    private const int MaxSheetName = 31;
    private const int RowsMeasuredForWidth = 200;

    private static readonly DateTime Epoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    public static byte[] Write(Spreadsheet spreadsheet)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheets = new Sheets();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            uint sheetId = 1;
            foreach (var table in spreadsheet.Tables)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                WriteSheet(part, table, selected: sheetId == 1);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = SheetName(table.Name, names) });
            }

            workbook.Workbook = new Workbook(sheets);
        }

        return stream.ToArray();
    }

    private static void WriteSheet(WorksheetPart part, SpreadsheetTable table, bool selected)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft })
        { TabSelected = selected, WorkbookViewId = 0 }));
        if (table.Columns.Count > 0)
        {
            writer.WriteElement(new Columns([.. Widths(table).Select((width, i) => new Column
            {
                Min = (uint)(i + 1), Max = (uint)(i + 1), Width = width, CustomWidth = true,
            })]));
        }

        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, table.Columns, header: true);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            WriteRow(writer, (uint)(r + 2), table.Rows[r], header: false);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteRow<T>(OpenXmlWriter writer, uint rowIndex, IReadOnlyList<T> cells, bool header)
    {
        writer.WriteStartElement(new Row { RowIndex = rowIndex });
        for (var c = 0; c < cells.Count; c++)
        {
            if (CellOf(cells[c], header) is { } cell)
            {
                cell.CellReference = $"{ColumnName(c)}{rowIndex.ToString(CultureInfo.InvariantCulture)}";
                writer.WriteElement(cell);
            }
        }

        writer.WriteEndElement();
    }

    private static Cell? CellOf(object? value, bool header) => value switch
    {
        null => null,
        string text => TextCell(text, header),
        bool flag => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(flag ? "1" : "0") },
        double number => double.IsFinite(number) ? NumberCell(number.ToString("R", CultureInfo.InvariantCulture)) : null,
        float number => float.IsFinite(number) ? NumberCell(number.ToString("R", CultureInfo.InvariantCulture)) : null,
        int or long or short or byte or uint or ulong or ushort or sbyte or decimal => NumberCell(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)),
        DateOnly date => DateCell((date.ToDateTime(TimeOnly.MinValue) - Epoch).TotalDays, Style.Date),
        DateTimeOffset time => DateCell((time.UtcDateTime - Epoch).TotalDays, Style.Time),
        IFormattable formattable => TextCell(formattable.ToString(null, CultureInfo.InvariantCulture), header),
        _ => TextCell(value.ToString() ?? string.Empty, header),
    };

    /// <summary>
    /// Always a string cell, so text is never evaluated, however it begins. Text that would be a
    /// formula if typed also gets Excel's quote prefix, so that editing the cell keeps it text.
    /// </summary>
    private static Cell TextCell(string text, bool header)
    {
        var formulaLike = SpreadsheetText.WouldBeEvaluated(text);
        var style = (header, formulaLike) switch
        {
            (true, true) => Style.HeaderQuoted,
            (true, false) => Style.Header,
            (false, true) => Style.Quoted,
            _ => Style.General,
        };
        return new Cell(new InlineString(new Text(XlsxText.Escape(text)) { Space = SpaceProcessingModeValues.Preserve }))
        {
            DataType = CellValues.InlineString,
            StyleIndex = style == Style.General ? null : (uint)style,
        };
    }

    private static Cell NumberCell(string invariant) => new() { CellValue = new CellValue(invariant) };

    private static Cell DateCell(double serial, Style style) =>
        new() { CellValue = new CellValue(serial.ToString("R", CultureInfo.InvariantCulture)), StyleIndex = (uint)style };

    /// <summary>Wide enough for the header and the first rows, within reason.</summary>
    private static IEnumerable<double> Widths(SpreadsheetTable table) =>
        table.Columns.Select((column, i) => (double)Math.Clamp(
            table.Rows.Take(RowsMeasuredForWidth).Select(row => i < row.Count ? DisplayLength(row[i]) : 0).Append(column.Length).Max() + 2,
            8, 60));

    private static int DisplayLength(object? value) => value switch
    {
        null => 0,
        DateOnly => 10,
        DateTimeOffset => 23,
        bool => 5,
        string text => text.Length,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture).Length,
        _ => value.ToString()?.Length ?? 0,
    };

    /// <summary>A, B, … Z, AA, AB, …</summary>
    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Excel's rules: at most 31 characters, none of : \ / ? * [ ], unique in the workbook.</summary>
    private static string SheetName(string name, HashSet<string> taken)
    {
        var clean = new string([.. name.Select(c => ":\\/?*[]".Contains(c, StringComparison.Ordinal) || char.IsControl(c) ? '_' : c)]).Trim('\'');
        clean = clean.Length == 0 ? "Sheet" : clean[..Math.Min(clean.Length, MaxSheetName)];
        var candidate = clean;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var suffix = $" ({n.ToString(CultureInfo.InvariantCulture)})";
            candidate = clean[..Math.Min(clean.Length, MaxSheetName - suffix.Length)] + suffix;
        }

        return candidate;
    }

    private enum Style : uint
    {
        General = 0,
        Date = 1,
        Time = 2,
        Header = 3,
        Quoted = 4,
        HeaderQuoted = 5,
    }

    /// <summary>The cell formats, in the order of <see cref="Style"/>.</summary>
    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = TimeFormatId, FormatCode = "yyyy-mm-dd hh:mm:ss \"UTC\"" })
        { Count = 2 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = DateFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = TimeFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, QuotePrefix = true },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true, QuotePrefix = true })
        { Count = 6 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
