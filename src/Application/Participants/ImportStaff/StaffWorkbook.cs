using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Common.Spreadsheets;

namespace EnSakITaget.Application.Participants.ImportStaff;

/// <summary>
/// The lines of a roster saved as an Excel workbook (.xlsx): the first sheet, read a row at a
/// time, each line numbered as Excel numbers its rows. Text, numbers and yes/no cells are read as
/// the text they show; a formula by the value Excel saved with it.
/// </summary>
internal static class StaffWorkbook
{
    /// <summary>
    /// Far above the XML of the largest roster the import takes (10 MB), and far below what a
    /// small hostile file unpacks to: a part that holds more is refused, not read into memory.
    /// </summary>
    public const long MaxCharactersInPart = 64L * 1024 * 1024;

    /// <summary>Excel's last column, XFD.</summary>
    private const int MaxColumns = 16384;

    public static IReadOnlyList<RosterLine> Lines(byte[] content, long maxCharactersInPart = MaxCharactersInPart)
    {
        try
        {
            return Read(content, maxCharactersInPart);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or XmlException or IOException or InvalidOperationException)
        {
            throw new ValidationException("file", "The file cannot be read as an Excel workbook (.xlsx): open it in Excel and save it again, or save it as CSV.");
        }
    }

    private static List<RosterLine> Read(byte[] content, long maxCharactersInPart)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false, new OpenSettings { MaxCharactersInPart = maxCharactersInPart });
        var workbook = document.WorkbookPart;
        var first = workbook?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
        if (workbook is null || first?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart sheet)
        {
            return [];
        }

        var shared = SharedStrings(workbook.SharedStringTablePart);
        var lines = new List<RosterLine>();
        var nextRow = 1;
        using var reader = OpenXmlReader.Create(sheet);
        reader.Read();
        while (!reader.EOF)
        {
            // Loading an element moves the reader past it, onto what follows.
            if (reader.ElementType == typeof(Row) && reader.IsStartElement && reader.LoadCurrentElement() is Row row)
            {
                var number = row.RowIndex?.Value is { } index ? (int)Math.Min(index, int.MaxValue) : nextRow;
                nextRow = number + 1;
                lines.Add(new RosterLine(number, CellsOf(row, shared)));
            }
            else
            {
                reader.Read();
            }
        }

        return lines;
    }

    private static List<string> SharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement && reader.LoadCurrentElement() is { } item)
            {
                strings.Add(TextOf(item));
            }
            else
            {
                reader.Read();
            }
        }

        return strings;
    }

    /// <summary>The row's cells in their columns, the gaps Excel leaves out filled with empty text, and none after the last one with something in it.</summary>
    private static List<string> CellsOf(Row row, List<string> shared)
    {
        var cells = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
            if (column < cells.Count || column >= MaxColumns)
            {
                continue;
            }

            while (cells.Count < column)
            {
                cells.Add(string.Empty);
            }

            cells.Add(ValueOf(cell, shared).Trim());
        }

        while (cells.Count > 0 && string.IsNullOrWhiteSpace(cells[^1]))
        {
            cells.RemoveAt(cells.Count - 1);
        }

        return cells;
    }

    private static string ValueOf(Cell cell, List<string> shared)
    {
        var type = cell.DataType?.Value;
        var value = cell.CellValue?.Text ?? string.Empty;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : string.Empty;
        }

        if (type == CellValues.InlineString)
        {
            return TextOf(cell.InlineString);
        }

        if (type == CellValues.Boolean)
        {
            return value == "1" ? "true" : "false";
        }

        return type == CellValues.String ? XlsxText.Unescape(value) : value;
    }

    /// <summary>A string item's text: plain, or the runs of rich text one after another (their phonetic guides left out).</summary>
    private static string TextOf(OpenXmlElement? item) =>
        item is null ? string.Empty : XlsxText.Unescape(item.GetFirstChild<Text>()?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text)));

    /// <summary>"C7" is 2: the letters before the row number, A being 0.</summary>
    private static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z')
            {
                column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
                if (column > MaxColumns)
                {
                    return MaxColumns;
                }
            }
            else
            {
                break;
            }
        }

        return column - 1;
    }
}
