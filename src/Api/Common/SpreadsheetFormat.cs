using EnSakITaget.Application.Common.Spreadsheets;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace EnSakITaget.Api.Common;

/// <summary>
/// The spreadsheet a caller asks for with <c>Accept</c>: CSV (<c>text/csv</c>) or an Excel workbook
/// (<c>application/vnd.openxmlformats-officedocument.spreadsheetml.sheet</c>). The one place where
/// an export endpoint learns which; none means JSON.
/// </summary>
internal sealed class SpreadsheetFormat
{
    public static readonly SpreadsheetFormat Csv = new("csv", CsvSpreadsheet.MediaType, $"{CsvSpreadsheet.MediaType}; charset=utf-8", CsvSpreadsheet.Write);
    public static readonly SpreadsheetFormat Xlsx = new("xlsx", XlsxSpreadsheet.MediaType, XlsxSpreadsheet.MediaType, XlsxSpreadsheet.Write);

    /// <summary>The spreadsheet media types an export endpoint produces beside JSON, for its OpenAPI description.</summary>
    public static readonly string[] MediaTypes = [Csv.MediaType, Xlsx.MediaType];

    private readonly Func<Spreadsheet, byte[]> write;

    private SpreadsheetFormat(string extension, string mediaType, string contentType, Func<Spreadsheet, byte[]> write) =>
        (Extension, MediaType, ContentType, this.write) = (extension, mediaType, contentType, write);

    /// <summary>The file name's extension, and the name of the representation in an entity tag.</summary>
    public string Extension { get; }

    public string MediaType { get; }

    /// <summary>What the answer's <c>Content-Type</c> says.</summary>
    public string ContentType { get; }

    public byte[] Write(Spreadsheet spreadsheet) => write(spreadsheet);

    /// <summary>
    /// The spreadsheet the caller prefers to JSON, by the quality values of <c>Accept</c>; on a tie
    /// the spreadsheet, which had to be named to be asked for. Null for JSON, which <c>*/*</c> or no
    /// <c>Accept</c> at all means.
    /// </summary>
    public static SpreadsheetFormat? Preferred(HttpRequest request)
    {
        if (!NamesASpreadsheet(request.Headers.Accept))
        {
            return null;
        }

        SpreadsheetFormat? preferred = null;
        var (spreadsheetQuality, jsonQuality) = (0.0, 0.0);
        foreach (var media in request.GetTypedHeaders().Accept)
        {
            var quality = media.Quality ?? 1;
            var format = Of(media);
            if (format is not null && quality > spreadsheetQuality)
            {
                (preferred, spreadsheetQuality) = (format, quality);
            }
            else if (format is null && IsJson(media))
            {
                jsonQuality = Math.Max(jsonQuality, quality);
            }
        }

        return spreadsheetQuality > 0 && spreadsheetQuality >= jsonQuality ? preferred : null;
    }

    /// <summary>The answer as the caller asked for it: the spreadsheet as a file to save, or JSON.</summary>
    public static IResult Answer<T>(HttpRequest request, T answer, Func<T, Spreadsheet> layout, string fileName)
    {
        request.HttpContext.Response.Headers.Vary = HeaderNames.Accept;
        return Preferred(request) is { } format
            ? TypedResults.File(format.Write(layout(answer)), format.ContentType, $"{fileName}.{format.Extension}")
            : TypedResults.Ok(answer);
    }

    /// <summary>Most requests want JSON and name no spreadsheet: they are answered without parsing the header.</summary>
    private static bool NamesASpreadsheet(StringValues accept)
    {
        foreach (var value in accept)
        {
            if (value is not null && (value.Contains("csv", StringComparison.OrdinalIgnoreCase) || value.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private static SpreadsheetFormat? Of(MediaTypeHeaderValue media) =>
        media.MediaType.Equals(Csv.MediaType, StringComparison.OrdinalIgnoreCase) ? Csv
        : media.MediaType.Equals(Xlsx.MediaType, StringComparison.OrdinalIgnoreCase) ? Xlsx
        : null;

    private static bool IsJson(MediaTypeHeaderValue media) =>
        media.MatchesAllTypes
        || (media.MatchesAllSubTypes && media.Type.Equals("application", StringComparison.OrdinalIgnoreCase))
        || media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);
}
