using System.Buffers;
using System.Text;
using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Exceptions;
using Microsoft.Net.Http.Headers;

namespace EnSakITaget.Api.Common;

/// <summary>
/// The request's text, checked once before any endpoint reads it. A JSON body in a charset nobody
/// can decode is a 415, and query values the database could not keep (<see cref="StorableText"/>) are a
/// 400 naming them: both used to be 500s. JSON bodies are checked as they are read
/// (<see cref="StorableStringConverter"/>); a path with U+0000 in it never gets this far, as the
/// server refuses to decode it, and route values come from the path.
/// </summary>
internal sealed class RequestTextMiddleware(RequestDelegate next)
{
    /// <summary>Printable ASCII without escapes decodes to itself ('+' to a space), so nothing in such a query can be unstorable.</summary>
    private static readonly SearchValues<char> PlainQuery = SearchValues.Create(
        [.. Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c).Where(c => c != '%')]);

    public Task InvokeAsync(HttpContext context)
    {
        CheckCharset(context.Request);

        // Most queries are plain, and a 304 would otherwise decode its query only for this check.
        if (!context.Request.QueryString.HasValue || !context.Request.QueryString.Value.AsSpan().ContainsAnyExcept(PlainQuery))
        {
            return next(context);
        }

        Dictionary<string, string[]>? errors = null;
        foreach (var (name, values) in context.Request.Query)
        {
            if (!StorableText.IsStorable(name) || values.Any(value => !StorableText.IsStorable(value)))
            {
                (errors ??= [])[FieldName(name)] = [StorableText.Refusal];
            }
        }

        return errors is null ? next(context) : throw new ValidationException(errors);
    }

    /// <summary>Only JSON is decoded by its charset; a roster file's encoding is found from its bytes.</summary>
    private static void CheckCharset(HttpRequest request)
    {
        if (!request.HasJsonContentType()
            || !MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || mediaType.Charset is not { Length: > 0 } sent)
        {
            return;
        }

        var charset = HeaderUtilities.RemoveQuotes(sent);
        try
        {
            _ = Encoding.GetEncoding(charset.ToString());
        }
        catch (ArgumentException)
        {
            throw new BadHttpRequestException(
                $"The body's charset '{charset}' is not known; send it as UTF-8.", StatusCodes.Status415UnsupportedMediaType);
        }

        // HTTP allows the charset in quotes (charset="utf-8"); the framework's JSON reader looks the quotes up as part of the name.
        if (charset.Length != sent.Length)
        {
            mediaType.Charset = charset;
            request.ContentType = mediaType.ToString();
        }
    }

    /// <summary>A name that itself cannot be stored is named without the characters that make it so.</summary>
    private static string FieldName(string name) =>
        StorableText.IsStorable(name) ? name : new string([.. name.Where(c => c != '\0' && !char.IsSurrogate(c))]);
}
