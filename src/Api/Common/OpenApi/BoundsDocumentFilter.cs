using EnSakITaget.Application.Common;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace EnSakITaget.Api.Common.OpenApi;

/// <summary>
/// Bounds that no validator needs to state. Ids, dates and times are as long as their format
/// allows. Answers hold only what the API took in or wrote itself, so a schema that no request
/// uses states the widest true bounds: texts no longer than the longest the API accepts, whole
/// numbers within their format, lists within what a list can hold. Request schemas get theirs
/// from the validators alone, so that a missing rule shows up in the OWASP check.
/// </summary>
internal sealed class BoundsDocumentFilter : IDocumentFilter
{
    private static readonly Dictionary<string, int> FormatLengths = new(StringComparer.Ordinal)
    {
        ["uuid"] = 36,
        ["date"] = 10,
        // 2026-11-30T08:15:00.1234567+01:00
        ["date-time"] = 33,
        ["binary"] = int.MaxValue,
    };

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var components = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var requestSchemas = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in Operations(document))
        {
            foreach (var parameter in operation.Parameters ?? [])
            {
                Reach(parameter.Schema, components, requestSchemas);
            }

            foreach (var media in operation.RequestBody?.Content?.Values ?? [])
            {
                Reach(media.Schema, components, requestSchemas);
            }
        }

        foreach (var schema in AllSchemas(document))
        {
            if (schema.Format is { } format && FormatLengths.TryGetValue(format, out var length))
            {
                schema.MaxLength ??= length;
            }
        }

        foreach (var (name, schema) in components)
        {
            if (!requestSchemas.Contains(name))
            {
                Widest(schema);
            }
        }

        foreach (var response in Operations(document).SelectMany(o => o.Responses?.Values.AsEnumerable() ?? []))
        {
            foreach (var schema in (response.Content?.Values ?? []).Select(m => m.Schema).Concat((response.Headers?.Values ?? []).Select(h => h.Schema)))
            {
                Widest(schema);
            }
        }
    }

    private static void Widest(IOpenApiSchema? schema)
    {
        foreach (var inline in Inline(schema))
        {
            var type = inline.Type ?? 0;
            if (type.HasFlag(JsonSchemaType.String) && inline.Enum is not { Count: > 0 })
            {
                inline.MaxLength ??= Limits.LongText;
                if (inline.Format is null && inline.Pattern is null)
                {
                    inline.Pattern = SchemaBounds.StorableText;
                }
            }

            if (type.HasFlag(JsonSchemaType.Integer))
            {
                var wide = inline.Format == "int64";
                inline.Minimum ??= wide ? long.MinValue.ToString(System.Globalization.CultureInfo.InvariantCulture) : int.MinValue.ToString(System.Globalization.CultureInfo.InvariantCulture);
                inline.Maximum ??= wide ? long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture);
                inline.Format ??= "int32";
            }

            if (type.HasFlag(JsonSchemaType.Array))
            {
                inline.MaxItems ??= int.MaxValue;
            }
        }
    }

    /// <summary>The schema and every schema written inside it, not following references.</summary>
    private static IEnumerable<OpenApiSchema> Inline(IOpenApiSchema? schema)
    {
        if (schema is not OpenApiSchema inline)
        {
            yield break;
        }

        yield return inline;
        var children = (inline.Properties?.Values ?? [])
            .Concat([inline.Items, inline.AdditionalProperties])
            .Concat(inline.AllOf ?? []).Concat(inline.AnyOf ?? []).Concat(inline.OneOf ?? []);
        foreach (var child in children.SelectMany(Inline))
        {
            yield return child;
        }
    }

    private static void Reach(IOpenApiSchema? schema, IDictionary<string, IOpenApiSchema> components, HashSet<string> reached)
    {
        if (schema is OpenApiSchemaReference { Reference.Id: { } id })
        {
            if (reached.Add(id) && components.TryGetValue(id, out var target))
            {
                Reach(target, components, reached);
            }

            return;
        }

        if (schema is not OpenApiSchema inline)
        {
            return;
        }

        foreach (var child in (inline.Properties?.Values ?? []).Concat([inline.Items, inline.AdditionalProperties])
                     .Concat(inline.AllOf ?? []).Concat(inline.AnyOf ?? []).Concat(inline.OneOf ?? []))
        {
            Reach(child, components, reached);
        }
    }

    private static IEnumerable<OpenApiOperation> Operations(OpenApiDocument document) =>
        document.Paths is null ? [] : document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []);

    private static IEnumerable<OpenApiSchema> AllSchemas(OpenApiDocument document)
    {
        var operations = Operations(document).ToList();
        var roots = (document.Components?.Schemas?.Values ?? [])
            .Concat(operations.SelectMany(o => o.Parameters ?? []).Select(p => p.Schema))
            .Concat(operations.SelectMany(o => o.RequestBody?.Content?.Values ?? []).Select(m => m.Schema))
            .Concat(operations.SelectMany(o => o.Responses?.Values.AsEnumerable() ?? []).SelectMany(r => (r.Content?.Values ?? []).Select(m => m.Schema)
                .Concat((r.Headers?.Values ?? []).Select(h => h.Schema))));
        return roots.SelectMany(Inline);
    }
}
