using System.Globalization;
using System.Threading.RateLimiting;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Api.Common;

internal static class RateLimits
{
    public const string Login = nameof(Login);
    public const string Integration = nameof(Integration);

    public static void Add(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (context, cancellationToken) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
            context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context.HttpContext,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests.",
                    Detail = $"Try again in {seconds} seconds.",
                },
            });
        };

        options.AddPolicy(Login, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "local",
            _ => PerMinute(Settings(http).LoginAttemptsPerMinute)));

        options.AddPolicy(Integration, http =>
            ApiKey.Parse(http.Request.Headers[ApiKeyAuthenticationHandler.HeaderName].ToString()) is { } key
                ? RateLimitPartition.GetFixedWindowLimiter(key.Id.ToString(), _ => PerMinute(Settings(http).ApiKeyRequestsPerMinute))
                : RateLimitPartition.GetNoLimiter(string.Empty));
    }

    private static AuthOptions Settings(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value;

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };
}
