using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace EnSakITaget.Application.Participants.ImportStaff;

/// <summary>One data line of a roster file, as read, before it is judged.</summary>
internal sealed record StaffRow(int Line, string Name, string Email, string Unit, string Title, string Manager, string? Problem);

/// <summary>
/// Reads a roster the way libraries keep them: from Excel, in UTF-8 with or without a byte order
/// mark (or Windows-1252 from older Excel), separated by commas or by semicolons as Swedish Excel
/// writes it, with Swedish or English column names in any order.
/// </summary>
internal static class StaffCsv
{
    private static readonly Dictionary<string, string[]> ColumnNames = new()
    {
        ["name"] = ["name", "namn", "för- och efternamn"],
        ["email"] = ["email", "e-mail", "e-post", "epost", "mail", "e-postadress"],
        ["unit"] = ["unit", "enhet", "bibliotek", "library", "arbetsplats"],
        ["title"] = ["title", "titel", "befattning", "yrkestitel"],
        ["manager"] = ["manager", "chef", "is manager", "ismanager"],
    };

    public static (IReadOnlyList<StaffRow> Rows, string? FileProblem) Read(byte[] content)
    {
        using var reader = new StringReader(Decode(content));
        var badData = new HashSet<int>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [";", ",", "\t"],
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
            MissingFieldFound = null,
            HeaderValidated = null,
            BadDataFound = args => badData.Add(args.Context.Parser!.Row),
        };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
        {
            return ([], "The file is empty: it needs a header row and a row per member of staff.");
        }

        var columns = ColumnNames.ToDictionary(
            c => c.Key,
            c => Array.FindIndex(header, h => c.Value.Contains(h.Trim().ToLowerInvariant())));
        var missing = new[] { "name", "email", "unit" }.Where(c => columns[c] < 0).ToList();
        if (missing.Count > 0)
        {
            return ([], $"The header lacks the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} " +
                "(Namn, E-post, Enhet; Titel and Chef may follow). Found: " + string.Join(", ", header) + ".");
        }

        var rows = new List<StaffRow>();
        while (csv.Read())
        {
            var line = csv.Parser.Row;
            string Field(string column) => columns[column] >= 0 && columns[column] < csv.Parser.Count ? csv.GetField(columns[column]) ?? string.Empty : string.Empty;
            var problem = badData.Contains(line) ? "A field has a stray quotation mark."
                : csv.Parser.Count != header.Length ? $"The line has {csv.Parser.Count} columns where the header has {header.Length}."
                : null;
            rows.Add(new StaffRow(line, Field("name"), Field("email"), Field("unit"), Field("title"), Field("manager"), problem));
        }

        return (rows, null);
    }

    public static bool? ParseManager(string value) => value.Trim().ToLowerInvariant() switch
    {
        "" or "nej" or "n" or "no" or "false" or "0" => false,
        "ja" or "j" or "yes" or "y" or "true" or "1" or "x" or "chef" => true,
        _ => null,
    };

    private static string Decode(byte[] content)
    {
        try
        {
            // Strict UTF-8 first (a byte order mark is skipped); older Excel saves Windows-1252 instead.
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252).GetString(content);
        }
    }
}
