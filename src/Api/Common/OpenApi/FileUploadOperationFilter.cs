using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace EnSakITaget.Api.Common.OpenApi;

/// <summary>An endpoint that takes a file, as the body or as a field of a multipart form, which it reads itself.</summary>
/// <param name="FormField">The form field that carries the file.</param>
/// <param name="MaxBytes">The largest file taken.</param>
/// <param name="BodyMediaTypes">What the body may be when the file is sent as the body.</param>
internal sealed record FileUploadMetadata(string FormField, long MaxBytes, IReadOnlyList<string> BodyMediaTypes, string Description);

/// <summary>
/// Describes such an upload in the OpenAPI document: the form field as <c>type: string, format:
/// binary</c>, which Swagger UI shows as a file picker, and the body's media types. It is written
/// here rather than with <c>Accepts</c>, which would also have routing refuse other media types
/// with a bare 415 before the endpoint could say which formats it takes.
/// </summary>
internal sealed class FileUploadOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<FileUploadMetadata>().FirstOrDefault() is not { } upload)
        {
            return;
        }

        var maxLength = (int)Math.Min(upload.MaxBytes, int.MaxValue);
        OpenApiSchema File() => new() { Type = JsonSchemaType.String, Format = "binary", MaxLength = maxLength, Description = upload.Description };
        var content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema> { [upload.FormField] = File() },
                    Required = new HashSet<string> { upload.FormField },
                },
            },
        };
        foreach (var mediaType in upload.BodyMediaTypes)
        {
            content[mediaType] = new OpenApiMediaType { Schema = File() };
        }

        operation.RequestBody = new OpenApiRequestBody { Required = true, Description = upload.Description, Content = content };
    }
}
