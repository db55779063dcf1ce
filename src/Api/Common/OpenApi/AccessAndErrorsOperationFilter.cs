using EnSakITaget.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace EnSakITaget.Api.Common.OpenApi;

/// <summary>
/// Who may call an operation and what it can answer besides success, read from the endpoint
/// itself: its <see cref="AcceptsApiKeys"/> marker says which schemes it takes, its parameters and body which errors follow,
/// its rate limit whether it answers 429. A new endpoint is documented right by default; only
/// what depends on its rules (404 for a part, 409) is declared where it is mapped.
/// </summary>
internal sealed class AccessAndErrorsOperationFilter : IOperationFilter
{
    public const string BearerScheme = "Bearer";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        // The marker the default scheme reads: what the document says is what authenticates.
        var acceptsKeys = metadata.OfType<AcceptsApiKeys>().Any();

        if (!anonymous)
        {
            // Separate requirement objects: either scheme alone will do.
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] },
                .. acceptsKeys
                    ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, context.Document)] = [] }]
                    : Array.Empty<OpenApiSecurityRequirement>(),
            ];
        }

        var parameters = context.ApiDescription.ParameterDescriptions;
        var takesBody = operation.RequestBody is not null;
        var takesQuery = parameters.Any(p => p.Source.Id == "Query");
        var takesPart = parameters.Any(p => p.Source.Id == "Path");
        var rateLimited = metadata.OfType<EnableRateLimitingAttribute>().Any();

        var responses = operation.Responses ??= [];
        if (takesBody || takesQuery)
        {
            Add(responses, context, StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails));
        }

        if (!anonymous)
        {
            Add(responses, context, StatusCodes.Status401Unauthorized);
            Add(responses, context, StatusCodes.Status403Forbidden);
        }

        if (takesPart)
        {
            Add(responses, context, StatusCodes.Status404NotFound);
        }

        if (takesBody)
        {
            Add(responses, context, StatusCodes.Status415UnsupportedMediaType);
        }

        if (rateLimited)
        {
            var tooMany = Add(responses, context, StatusCodes.Status429TooManyRequests);
            tooMany.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
            tooMany.Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before trying again.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = "86400" },
            };
        }

        Add(responses, context, StatusCodes.Status500InternalServerError);
        foreach (var (code, response) in responses)
        {
            if (response is OpenApiResponse known && Descriptions.TryGetValue(code, out var description)
                && (string.IsNullOrEmpty(known.Description) || known.Description == ReasonPhrase(code)))
            {
                known.Description = description;
            }
        }
    }

    private static OpenApiResponse Add(OpenApiResponses responses, OperationFilterContext context, int status, Type? problem = null)
    {
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (responses.TryGetValue(code, out var existing) && existing is OpenApiResponse declared)
        {
            return declared;
        }

        var response = new OpenApiResponse
        {
            Description = Descriptions[code],
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/problem+json"] = new() { Schema = context.SchemaGenerator.GenerateSchema(problem ?? typeof(ProblemDetails), context.SchemaRepository) },
            },
        };
        responses[code] = response;
        return response;
    }

    private static string ReasonPhrase(string code) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture));

    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["400"] = "The request's shape is wrong: `errors` names each field by its JSON name. Nothing was changed.",
        ["401"] = "Not signed in: no token, a bad or expired one, or a wrong, revoked or misplaced API key.",
        ["403"] = "Signed in, but your role may not do this.",
        ["404"] = "No such resource, or not in your libraries.",
        ["409"] = "A rule refused the change; `detail` says which. Nothing was changed.",
        ["413"] = "The body is larger than this operation takes.",
        ["415"] = "The body is not of a media type this operation takes (JSON unless listed otherwise).",
        ["429"] = "Too many requests; `Retry-After` says when to try again.",
        ["500"] = "An unexpected error on the server, never caused by what the client sent.",
    };
}
