using System.Text;

namespace EnSakITaget.Bench;

/// <summary>One row of a roster, as the import should store it.</summary>
internal sealed record RosterRow(string Name, string Email, string Unit, string Title, bool IsManager);

/// <summary>
/// Invented staff of invented branches, written the way Swedish Excel saves "CSV (semikolonavgränsad)":
/// UTF-8 with a byte order mark, semicolons, CRLF line ends.
/// </summary>
internal static class Roster
{
    public const string EmailDomain = "bench.example.se";
    public const int UnitCount = 10;

    private static readonly string[] FirstNames =
        ["Anna", "Åsa", "Björn", "Karin", "Lars", "Märta", "Olof", "Sofia", "Göran", "Elin", "Per", "Ingrid", "Jörgen", "Maja", "Sven", "Linnéa"];

    private static readonly string[] LastNames =
        ["Andersson", "Bergström", "Carlsson", "Dahlén", "Ekström", "Forsberg", "Gustafsson", "Holmqvist", "Isaksson", "Jönsson", "Karlsson", "Lindqvist", "Nyström", "Öberg"];

    private static readonly string[] Titles = ["Bibliotekarie", "Biblioteksassistent", "Barnbibliotekarie", "Skolbibliotekarie"];

    public static string UnitName(int number) => $"Filial {number}";

    /// <summary>Rows 1..count; every twelfth is a unit's manager. The prefix keeps warm-up rows apart from measured ones.</summary>
    public static IReadOnlyList<RosterRow> Generate(int count, string emailPrefix = "")
    {
        var rows = new List<RosterRow>(count);
        for (var n = 1; n <= count; n++)
        {
            var first = FirstNames[(n - 1) % FirstNames.Length];
            var last = LastNames[(n - 1) / FirstNames.Length % LastNames.Length];
            var isManager = n % 12 == 0;
            rows.Add(new RosterRow(
                $"{first} {last} {n}",
                $"{emailPrefix}{Ascii(first)}.{Ascii(last)}.{n}@{EmailDomain}",
                UnitName((n - 1) % UnitCount + 1),
                isManager ? "Enhetschef" : Titles[(n - 1) % Titles.Length],
                isManager));
        }

        return rows;
    }

    public static byte[] ToCsv(IReadOnlyList<RosterRow> rows)
    {
        var text = new StringBuilder(rows.Count * 80);
        text.Append("Namn;E-post;Enhet;Titel;Chef\r\n");
        foreach (var row in rows)
        {
            text.Append(row.Name).Append(';')
                .Append(row.Email).Append(';')
                .Append(row.Unit).Append(';')
                .Append(row.Title).Append(';')
                .Append(row.IsManager ? "ja" : "nej").Append("\r\n");
        }

        var utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. utf8WithBom.GetPreamble(), .. utf8WithBom.GetBytes(text.ToString())];
    }

    private static string Ascii(string name) => name.ToLowerInvariant()
        .Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o').Replace('é', 'e');
}
