using System.Xml.Linq;
using EnSakITaget.Application.Common.Behaviours;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace EnSakITaget.Api.Common.OpenApi;

/// <summary>
/// Query parameters state the bounds of the query's validator, found by the operation's name
/// (<c>ListCourses</c> sends <c>ListCoursesQuery</c>); every parameter gets a description, from
/// the query's XML documentation or from the meanings the whole API shares.
/// </summary>
internal sealed class ParametersOperationFilter(ValidatorRules rules) : IOperationFilter
{
    private static readonly Lazy<XDocument?> ApplicationDocs = new(() =>
        Path.ChangeExtension(typeof(ValidationBehaviour<,>).Assembly.Location, ".xml") is var file && File.Exists(file) ? XDocument.Load(file) : null);

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Parameters is not { Count: > 0 } parameters)
        {
            return;
        }

        var message = ValidatorRules.MessageOf(operation.OperationId);
        var bounds = message is null ? null : rules.For(message);
        var path = context.ApiDescription.RelativePath ?? string.Empty;
        foreach (var parameter in parameters.OfType<OpenApiParameter>())
        {
            if (parameter.In == ParameterLocation.Query && bounds?.GetValueOrDefault(parameter.Name ?? string.Empty) is { } own)
            {
                if (parameter.Schema is OpenApiSchema schema)
                {
                    SchemaBounds.Apply(schema, own);
                }

                parameter.Required |= own.Required;
            }

            if (string.IsNullOrEmpty(parameter.Description))
            {
                parameter.Description = Documented(message, parameter.Name) ?? Shared(parameter, path);
            }
        }
    }

    private static string? Documented(Type? message, string? name)
    {
        if (message is null || name is null || ApplicationDocs.Value is not { } docs)
        {
            return null;
        }

        var typeId = $"T:{message.FullName}";
        var propertyId = $"P:{message.FullName}.";
        var members = docs.Descendants("member").ToList();
        var param = members.Where(m => (string?)m.Attribute("name") == typeId)
            .Elements("param").FirstOrDefault(p => string.Equals((string?)p.Attribute("name"), name, StringComparison.OrdinalIgnoreCase));
        var property = members.FirstOrDefault(m => string.Equals((string?)m.Attribute("name"), propertyId + name, StringComparison.OrdinalIgnoreCase))
            ?.Element("summary");
        return (param ?? property)?.Value.Trim() is { Length: > 0 } text ? string.Join(' ', text.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries)) : null;
    }

    private static string? Shared(OpenApiParameter parameter, string path) => parameter.Name switch
    {
        "id" => $"The id of the {Owner(path)}.",
        "thingId" when parameter.In == ParameterLocation.Path => "The id of a thing of the course.",
        "thingId" => "Only those of this thing.",
        "participantId" => "The id of the participant (their member of staff record).",
        "page" => "Which page, from 1.",
        "pageSize" => "How many items a page.",
        "status" => "Only those with this status.",
        "type" => "Only library nodes of this type.",
        "parentId" => "Only the library nodes directly under this one.",
        "countyId" => "Only those of this county.",
        "homeLibraryId" => "Only the rounds of this library organisation.",
        "courseId" => "Only those of this course.",
        "libraryId" => "Only this library node and what is under it.",
        "unitId" => "Only the participants who work at this library or under it.",
        "dryRun" => "Judge every row and save nothing.",
        "postId" => "The id of a post of the round's blog.",
        "commentId" => "The id of a comment on the post.",
        "token" => "The token from the letter's unsubscribe link.",
        "kinds" => "The kinds to turn off, separated by commas; when left out, every kind one may choose about.",
        "publication" => "Only the posts in this state of public publication.",
        _ => null,
    };

    /// <summary>What the route's <c>{id}</c> names: the segment before it, in the singular.</summary>
    private static string Owner(string path)
    {
        var segments = path.Split('/');
        var index = Array.FindIndex(segments, s => s.StartsWith("{id", StringComparison.Ordinal));
        return (index > 0 ? segments[index - 1] : string.Empty) switch
        {
            "libraries" => "library node",
            "courses" => "course",
            "rounds" => "round",
            "participants" => "member of staff",
            "users" => "account",
            "api-keys" => "integration key",
            var other => other.TrimEnd('s'),
        };
    }
}
