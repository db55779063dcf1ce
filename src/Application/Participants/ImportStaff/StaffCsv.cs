using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace EnSakITaget.Application.Participants.ImportStaff;

/// <summary>
/// The lines of a roster saved as CSV: UTF-8 with or without a byte order mark (or Windows-1252
/// from older Excel), separated by commas or by semicolons as Swedish Excel writes it.
/// </summary>
internal static class StaffCsv
{
    public static IEnumerable<RosterLine> Lines(byte[] content)
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
        while (csv.Read())
        {
            var line = csv.Parser.Row;
            yield return new RosterLine(line, csv.Parser.Record ?? [], badData.Contains(line) ? "A field has a stray quotation mark." : null);
        }
    }

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
