using System.Text.Json;
using EnSakITaget.Web.Common.Api;

namespace EnSakITaget.Web.Courses;

/// <summary>The field errors of the API's problem details, for a 400 and for a 409 whose rule names the field.</summary>
public static class ApiProblems
{
    public static Dictionary<string, string> FieldErrors(Exception exception) => exception switch
    {
        ApiException<HttpValidationProblemDetails> { Result.Errors: { } errors } =>
            errors.ToDictionary(e => e.Key, e => string.Join(" ", e.Value), StringComparer.OrdinalIgnoreCase),
        ApiException<ProblemDetails> { Result.AdditionalProperties: { } extra } when extra.TryGetValue("errors", out var errors) && errors is JsonElement { ValueKind: JsonValueKind.Object } json =>
            json.EnumerateObject().ToDictionary(
                e => e.Name,
                e => e.Value.ValueKind == JsonValueKind.Array ? string.Join(" ", e.Value.EnumerateArray().Select(m => m.GetString())) : e.Value.ToString(),
                StringComparer.OrdinalIgnoreCase),
        _ => new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
    };

    /// <summary>The API's explanation of a refusal without a field.</summary>
    public static string? Detail(Exception exception) => exception switch
    {
        ApiException<ProblemDetails> { Result.Detail: { } detail } => detail,
        ApiException<HttpValidationProblemDetails> { Result.Detail: { } detail } => detail,
        _ => null,
    };
}
