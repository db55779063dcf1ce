using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace EnSakITaget.Api.Common.OpenApi;

/// <summary>
/// Says in the OpenAPI document what <see cref="RevisionTags"/> does: the <c>ETag</c> on the
/// answers, the optional <c>If-Match</c> of a change and its 412.
/// </summary>
internal sealed class RevisionTagsOperationFilter : IOperationFilter
{
    /// <summary>RFC 9110's If-Match: <c>*</c>, or entity tags separated by commas.</summary>
    private const string EntityTags = """^(\*|(W/)?"[^"]*"(\s*,\s*(W/)?"[^"]*")*)$""";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<TaggedByRevisionMetadata>().Any())
        {
            return;
        }

        foreach (var (code, response) in operation.Responses ?? [])
        {
            if (code.StartsWith('2') && response is OpenApiResponse answer)
            {
                answer.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                answer.Headers["ETag"] = new OpenApiHeader
                {
                    Description = "The resource's revision, a strong tag: send it back as If-Match when you change or remove it.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 12 },
                };
            }
        }

        var method = context.ApiDescription.HttpMethod;
        if (method is not ("PUT" or "DELETE" or "PATCH"))
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-Match",
            In = ParameterLocation.Header,
            Required = false,
            Description = "The ETag the resource had when you read it: if it has changed since, nothing is changed and the answer is 412. "
                + "Without it the change is applied to whatever the resource is now.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 1000, Pattern = EntityTags },
        });
        (operation.Responses ??= [])["412"] = new OpenApiResponse
        {
            Description = "The resource has changed since the If-Match's revision was read; nothing was changed. "
                + "The problem's currentETag is the revision now, when known.",
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/problem+json"] = new() { Schema = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository) },
            },
        };
    }
}
