namespace EnSakITaget.Api.Common;

/// <summary>Headers that keep a browser from misusing the API's answers, error answers included.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>
    /// Swagger UI runs its own scripts (no inline script: its set-up is a file too) and sets inline
    /// styles as it draws; its icons are data: images, and it calls only this API.
    /// </summary>
    public const string SwaggerUiPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The web app (Blazor WebAssembly): its scripts are files of this origin, and the .NET runtime
    /// compiles WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval'); no inline script or
    /// style. base-uri 'self' for its &lt;base href="/"&gt;; it calls only this API.
    /// </summary>
    public const string WebAppPolicy =
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; base-uri 'self'; frame-ancestors 'none'";

    /// <summary>An API answer is data: nothing in it may run or load.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        // Set as the response starts: the exception handler clears headers set earlier.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = PolicyFor(context.Request.Path);

            // Tokens and key secrets must not stay in any cache.
            if (context.Request.Path.StartsWithSegments("/api/v1/auth") || context.Request.Path.StartsWithSegments("/api/v1/api-keys"))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });

        return next(context);
    }

    private static string PolicyFor(PathString path) =>
        path.StartsWithSegments("/swagger") ? SwaggerUiPolicy
        : path.StartsWithSegments("/" + Community.PublicBlogSite.Prefix) ? Community.PublicBlogPages.ContentSecurityPolicy
        : path.StartsWithSegments("/api") || path.StartsWithSegments("/health") ? ApiPolicy
        : WebAppPolicy;
}
