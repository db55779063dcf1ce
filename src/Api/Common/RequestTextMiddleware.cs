using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Exceptions;

namespace EnSakITaget.Api.Common;

/// <summary>
/// The request's text, checked once before any endpoint reads it: query values the database could
/// not keep (<see cref="StorableText"/>) are a 400 naming them, where they used to be a 500. JSON
/// bodies are checked as they are read (<see cref="StorableStringConverter"/>); a path with U+0000
/// in it never gets this far, as the server refuses to decode it, and route values come from the path.
/// </summary>
internal sealed class RequestTextMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, values) in context.Request.Query)
        {
            if (!StorableText.IsStorable(name) || values.Any(value => !StorableText.IsStorable(value)))
            {
                errors[FieldName(name)] = [StorableText.Refusal];
            }
        }

        return errors.Count == 0 ? next(context) : throw new ValidationException(errors);
    }

    /// <summary>A name that itself cannot be stored is named without the characters that make it so.</summary>
    private static string FieldName(string name) =>
        StorableText.IsStorable(name) ? name : new string([.. name.Where(c => c != '\0' && !char.IsSurrogate(c))]);
}
