namespace EnSakITaget.Application.Participants.ImportStaff;

/// <summary>One data line of a roster file, as read, before it is judged.</summary>
internal sealed record StaffRow(int Line, string Name, string Email, string Unit, string Title, string Manager, string? Problem);

/// <summary>A line of the file as it was read: its number as the spreadsheet shows it, and its cells.</summary>
/// <param name="Problem">Why the line could not be read as it stands, if it could not.</param>
internal sealed record RosterLine(int Line, IReadOnlyList<string> Cells, string? Problem = null);

/// <summary>The file formats a roster comes in.</summary>
public enum RosterFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Reads a roster the way libraries keep them, from Excel: a CSV (<see cref="StaffCsv"/>) or a
/// workbook's first sheet (<see cref="StaffWorkbook"/>), with Swedish or English column names in
/// any order. Lines with nothing in them, which Excel leaves after the last row (<c>;;;;</c>), are
/// passed over.
/// </summary>
internal static class StaffRoster
{
    private static readonly Dictionary<string, string[]> ColumnNames = new()
    {
        ["name"] = ["name", "namn", "för- och efternamn"],
        ["email"] = ["email", "e-mail", "e-post", "epost", "mail", "e-postadress"],
        ["unit"] = ["unit", "enhet", "bibliotek", "library", "arbetsplats"],
        ["title"] = ["title", "titel", "befattning", "yrkestitel"],
        ["manager"] = ["manager", "chef", "is manager", "ismanager"],
    };

    public static (IReadOnlyList<StaffRow> Rows, string? FileProblem) Read(byte[] content, RosterFormat format)
    {
        var lines = (format == RosterFormat.Xlsx ? StaffWorkbook.Lines(content) : StaffCsv.Lines(content))
            .Where(line => line.Cells.Any(cell => !string.IsNullOrWhiteSpace(cell)));
        using var reading = lines.GetEnumerator();
        if (!reading.MoveNext())
        {
            return ([], "The file is empty: it needs a header row and a row per member of staff.");
        }

        var header = reading.Current.Cells;
        var columns = ColumnNames.ToDictionary(
            c => c.Key,
            c => header.Select((h, i) => (Name: h.Trim().ToLowerInvariant(), Index: i)).FirstOrDefault(h => c.Value.Contains(h.Name), (Name: string.Empty, Index: -1)).Index);
        var missing = new[] { "name", "email", "unit" }.Where(c => columns[c] < 0).ToList();
        if (missing.Count > 0)
        {
            return ([], $"The header lacks the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} " +
                "(Namn, E-post, Enhet; Titel and Chef may follow). Found: " + string.Join(", ", header) + ".");
        }

        var rows = new List<StaffRow>();
        while (reading.MoveNext())
        {
            var line = reading.Current;
            string Field(string column) => columns[column] >= 0 && columns[column] < line.Cells.Count ? line.Cells[columns[column]] : string.Empty;
            // A workbook leaves out the empty cells at the end of a row; a CSV line has them all.
            var columnsDiffer = format == RosterFormat.Xlsx ? line.Cells.Count > header.Count : line.Cells.Count != header.Count;
            var problem = line.Problem
                ?? (columnsDiffer ? $"The line has {line.Cells.Count} columns where the header has {header.Count}." : null)
                ?? (line.Cells.Any(c => c.Contains('\0', StringComparison.Ordinal)) ? "A cell holds a NUL character (U+0000), which cannot be stored." : null);
            rows.Add(new StaffRow(line.Line, Field("name"), Field("email"), Field("unit"), Field("title"), Field("manager"), problem));
        }

        return (rows, null);
    }

    public static bool? ParseManager(string value) => value.Trim().ToLowerInvariant() switch
    {
        "" or "nej" or "n" or "no" or "false" or "0" => false,
        "ja" or "j" or "yes" or "y" or "true" or "1" or "x" or "chef" => true,
        _ => null,
    };
}
