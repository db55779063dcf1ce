using System.Diagnostics;

namespace EnSakITaget.Api.Common;

/// <summary>One structured line per request: method, route, status and duration (never the query or body).</summary>
internal sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            LogRequest(
                context.Request.Method,
                context.Request.Path,
                context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMilliseconds:0.0} ms")]
    private partial void LogRequest(string method, string path, int statusCode, double elapsedMilliseconds);
}
