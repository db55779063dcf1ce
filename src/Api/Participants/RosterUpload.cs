using EnSakITaget.Application.Common.Spreadsheets;
using EnSakITaget.Application.Participants.ImportStaff;
using Microsoft.Net.Http.Headers;

namespace EnSakITaget.Api.Participants;

/// <summary>
/// Whether an uploaded roster is a CSV or an Excel workbook, from what the upload calls itself and
/// what its first bytes are: browsers call a CSV <c>application/vnd.ms-excel</c> where Excel is
/// installed, and tools call anything <c>application/octet-stream</c>. Anything else is 415.
/// </summary>
internal static class RosterUpload
{
    public const string FormField = "file";

    public const string FormatsAccepted =
        "Send the roster as CSV (text/csv) or as an Excel workbook (.xlsx, " + XlsxSpreadsheet.MediaType + "), " +
        "as the body or as the form field 'file'.";

    /// <summary>What the upload may call itself, besides the workbook's own media type.</summary>
    public static readonly string[] CsvMediaTypes = [CsvSpreadsheet.MediaType, "text/plain", "application/csv", "text/comma-separated-values", "application/vnd.ms-excel"];

    private static readonly string[] UntypedMediaTypes = ["application/octet-stream", "binary/octet-stream", "application/zip", "application/x-zip-compressed"];

    /// <summary>The signatures of files that are sent by mistake: PDF, PNG, JPEG, GIF, and Excel 97–2003 (.xls).</summary>
    private static readonly byte[][] OtherFormats =
    [
        "%PDF"u8.ToArray(), [0x89, (byte)'P', (byte)'N', (byte)'G'], [0xFF, 0xD8, 0xFF], "GIF8"u8.ToArray(), [0xD0, 0xCF, 0x11, 0xE0],
    ];

    /// <summary>Refuses, before anything is read, an upload that calls itself something else.</summary>
    /// <exception cref="BadHttpRequestException">415, naming the formats accepted.</exception>
    public static void RefuseOtherMediaTypes(string? contentType)
    {
        if (MediaTypeOf(contentType) is { } mediaType && !IsCsv(mediaType) && !IsWorkbook(mediaType) && !UntypedMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            throw Unsupported();
        }
    }

    /// <summary>A workbook is a zip package, whatever the upload called it; other bytes are CSV, unless they are a known other format.</summary>
    /// <exception cref="BadHttpRequestException">415, naming the formats accepted.</exception>
    public static RosterFormat FormatOf(string? contentType, ReadOnlySpan<byte> content)
    {
        RefuseOtherMediaTypes(contentType);
        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            return RosterFormat.Xlsx;
        }

        foreach (var signature in OtherFormats)
        {
            if (content.StartsWith(signature))
            {
                throw Unsupported();
            }
        }

        return MediaTypeOf(contentType) is { } mediaType && IsWorkbook(mediaType) ? throw Unsupported() : RosterFormat.Csv;
    }

    private static string? MediaTypeOf(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType.HasValue ? parsed.MediaType.Value : null;

    private static bool IsCsv(string mediaType) => CsvMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase);

    private static bool IsWorkbook(string mediaType) => mediaType.Equals(XlsxSpreadsheet.MediaType, StringComparison.OrdinalIgnoreCase);

    private static BadHttpRequestException Unsupported() => new(FormatsAccepted, StatusCodes.Status415UnsupportedMediaType);
}
