using System.Globalization;
using Microsoft.OpenApi;

namespace EnSakITaget.Api.Common.OpenApi;

/// <summary>Writes bounds into a schema, without loosening one it already has.</summary>
internal static class SchemaBounds
{
    /// <summary>
    /// Text the API stores, in a pattern: no NUL character, which PostgreSQL cannot store and the
    /// API refuses in every field. Free text has no other shape to state.
    /// </summary>
    public const string StorableText = "^[^\\u0000]*$";

    public static void Apply(OpenApiSchema schema, PropertyBounds bounds)
    {
        var type = schema.Type ?? 0;
        if (type.HasFlag(JsonSchemaType.String))
        {
            schema.MaxLength ??= bounds.MaxLength;
            schema.MinLength ??= bounds.MinLength;
            schema.Pattern ??= bounds.Pattern;
            schema.Format ??= bounds.Format;
            if (schema.MaxLength is not null && schema.Format is null && schema.Pattern is null && schema.Enum is not { Count: > 0 })
            {
                schema.Pattern = StorableText;
            }
        }

        if (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number))
        {
            schema.Minimum ??= Text(bounds.Minimum);
            schema.Maximum ??= Text(bounds.Maximum);
        }

        if (type.HasFlag(JsonSchemaType.Array))
        {
            schema.MaxItems ??= bounds.MaxItems;
            schema.MinItems ??= bounds.MinItems;
            if (bounds.Items is { } items && schema.Items is OpenApiSchema itemSchema)
            {
                Apply(itemSchema, items);
            }
        }
    }

    private static string? Text(decimal? number) => number?.ToString(CultureInfo.InvariantCulture);
}
