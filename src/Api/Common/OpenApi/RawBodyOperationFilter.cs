using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace EnSakITaget.Api.Common.OpenApi;

/// <summary>
/// A body that is a file rather than JSON (a roster upload) is as long as the endpoint's request
/// size limit lets it be: no text in it can be longer.
/// </summary>
internal sealed class RawBodyOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var limit = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IRequestSizeLimitMetadata>().LastOrDefault()?.MaxRequestBodySize;
        if (limit is not { } bytes || operation.RequestBody?.Content is not { } content)
        {
            return;
        }

        foreach (var media in content.Where(c => !c.Key.Contains("json", StringComparison.OrdinalIgnoreCase)).Select(c => c.Value))
        {
            if (media.Schema is OpenApiSchema { Type: JsonSchemaType.String } file)
            {
                file.Format ??= "binary";
            }

            foreach (var text in Strings(media.Schema))
            {
                text.MaxLength ??= (int)Math.Min(bytes, int.MaxValue);
            }
        }
    }

    private static IEnumerable<OpenApiSchema> Strings(IOpenApiSchema? schema)
    {
        if (schema is not OpenApiSchema inline)
        {
            yield break;
        }

        if ((inline.Type ?? 0).HasFlag(JsonSchemaType.String))
        {
            yield return inline;
        }

        foreach (var child in (inline.Properties?.Values ?? []).Concat([inline.Items]).SelectMany(Strings))
        {
            yield return child;
        }
    }
}
