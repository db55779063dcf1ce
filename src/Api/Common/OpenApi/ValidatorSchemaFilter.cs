using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace EnSakITaget.Api.Common.OpenApi;

/// <summary>A request body's schema states what its validators enforce: lengths, ranges, counts, patterns and required fields.</summary>
internal sealed class ValidatorSchemaFilter(ValidatorRules rules) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { Count: > 0 } properties } target)
        {
            return;
        }

        var bounds = rules.For(context.Type);
        foreach (var (name, property) in properties)
        {
            if (!bounds.TryGetValue(name, out var own))
            {
                continue;
            }

            if (own.Required)
            {
                target.Required ??= new HashSet<string>(StringComparer.Ordinal);
                target.Required.Add(name);
            }

            if (property is OpenApiSchema inline)
            {
                SchemaBounds.Apply(inline, own);
            }
        }
    }
}
