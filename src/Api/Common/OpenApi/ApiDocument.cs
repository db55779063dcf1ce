using EnSakITaget.Application.Common.Behaviours;
using EnSakITaget.Infrastructure.Identity;
using Microsoft.OpenApi;

namespace EnSakITaget.Api.Common.OpenApi;

/// <summary>The OpenAPI document at <c>/swagger/v1/swagger.json</c> and Swagger UI at <c>/swagger</c>.</summary>
internal static class ApiDocument
{
    /// <summary><c>Api:Swagger:Enabled</c>; on unless set to false, in every environment.</summary>
    public const string EnabledKey = "Api:Swagger:Enabled";

    /// <summary>
    /// On by default everywhere: the document is the contract integrations and the web app's
    /// client are built from, and it holds nothing secret. A county that wants neither the UI nor
    /// the document on its production host sets the key to false.
    /// </summary>
    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue(EnabledKey, defaultValue: true);

    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        services.AddSingleton<ValidatorRules>();
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "En sak i taget",
                Version = "v1",
                Description = "Self-paced staff training, one thing at a time, for the libraries of a county.",
            });
            options.SupportNonNullableReferenceTypes();
            options.IncludeXmlComments(typeof(ValidationBehaviour<,>).Assembly);
            options.AddSecurityDefinition(AccessAndErrorsOperationFilter.BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token from POST /api/v1/auth/login or /api/v1/auth/refresh: a signed JWT that lasts Auth:AccessTokenMinutes.",
            });
            options.AddSecurityDefinition(ApiKeyAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "An integration key from POST /api/v1/api-keys; read-only, accepted by the integration endpoints.",
            });
            options.SchemaFilter<ValidatorSchemaFilter>();
            options.OperationFilter<AccessAndErrorsOperationFilter>();
            options.OperationFilter<ParametersOperationFilter>();
            options.OperationFilter<FileUploadOperationFilter>();
            options.OperationFilter<RevisionTagsOperationFilter>();
            options.DocumentFilter<BoundsDocumentFilter>();
            options.CustomSchemaIds(type => type.FullName!.Replace("EnSakITaget.Application.", string.Empty, StringComparison.Ordinal).Replace('+', '.'));
        });
        return services;
    }

    public static WebApplication UseApiDocument(this WebApplication app)
    {
        if (IsEnabled(app.Configuration))
        {
            app.UseSwagger();
            app.UseSwaggerUI(options => options.DocumentTitle = "En sak i taget API");
        }

        return app;
    }
}
