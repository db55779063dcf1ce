using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using EnSakITaget.Api.Common.OpenApi;
using EnSakITaget.Infrastructure.Identity;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EnSakITaget.Api.Common;

internal static class ApiServices
{
    public const string AdminUiCorsPolicy = "AdminUi";

    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthorization(Policies.Add);
        services.AddRateLimiter(RateLimits.Add);
        services.AddSingleton<FailedSignIns>();
        services.AddClientAddresses(configuration);
        services.AddCors(options => options.AddPolicy(AdminUiCorsPolicy, policy => policy
            .WithOrigins(configuration.GetSection($"{AuthOptions.SectionName}:{nameof(AuthOptions.AllowedOrigins)}").Get<string[]>() ?? [])
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders("Location", "ETag", "Retry-After")));

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        });
        services.AddSingleton<IProblemDetailsService, JsonProblemDetailsService>();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

        services.Configure<JsonOptions>(options => ConfigureJson(options.SerializerOptions));
        services.AddSingleton<VersionedAnswers>();
        services.AddSingleton<IndexPage>();
        services.AddOptions<ExpensiveAnswerOptions>()
            .Bind(configuration.GetSection(ExpensiveAnswerOptions.SectionName))
            .Validate(o => o.AtOnce >= 1 && o.PerCallerAtOnce >= 1, "ExpensiveAnswers:AtOnce and PerCallerAtOnce must be at least 1.")
            .Validate(o => o.Queued >= 0 && o.PerCallerQueued >= 0, "ExpensiveAnswers:Queued and PerCallerQueued must be 0 or more.")
            .Validate(o => o.RetryAfterSeconds is >= 1 and <= 3600, "ExpensiveAnswers:RetryAfterSeconds must be 1 to 3600.")
            .ValidateOnStart();
        services.AddSingleton<ExpensiveAnswerLimits>();
        // Binding failures (malformed JSON, wrong types) throw, so the one exception handler answers them.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        services.AddApiDocument();
        return services;
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.Converters.Add(new StorableStringConverter());
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(NoNullItems.Refuse);
    }

    public static WebApplication UseApi(this WebApplication app)
    {
        app.UseClientAddresses();
        // Outermost, so that it logs the status the client gets, after any error handling.
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseApiDocument();

        app.UseCors(AdminUiCorsPolicy);
        // Before authentication, so that a flood of bad keys or logins is limited too.
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ScopeByPolicyMiddleware>();
        app.UseMiddleware<RequestTextMiddleware>();
        // Once the scope is fixed and the text checked: a 304 costs nothing more than this.
        app.UseMiddleware<NotModifiedMiddleware>();

        // Through the whole pipeline, so that it vouches for it: a wedged middleware fails the probe. Under overload
        // it stays responsive without a short circuit, since only so many expensive answers are computed at once
        // (reliability/run.sh's overload: p99 24 and 77 ms; short-circuited 11 and 26 ms). The national bench
        // compares a 304 with it, which is only fair while both pass the same middleware (docs/performance.md).
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealth })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]))
            .AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(PersistenceRegistration.ReadyTag),
            ResponseWriter = WriteHealth,
        })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]))
            .AllowAnonymous();
        return app;
    }

    private static Task WriteHealth(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
            reasons = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy && e.Value.Description is not null)
                .ToDictionary(e => e.Key, e => e.Value.Description),
        });
}
