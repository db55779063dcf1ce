using System.Globalization;
using System.Threading.RateLimiting;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Api.Common;

/// <summary>
/// The abuse limits, all answering 429 with <c>Retry-After</c> and a problem document:
/// <list type="bullet">
/// <item><see cref="Login"/>: every sign-in and refresh from one client address, a ceiling against floods only;</item>
/// <item><see cref="FailedSignIns"/>: failed sign-ins and refreshes from one client address (the account's own lockout counts per account);</item>
/// <item><see cref="Integration"/>: every request with one integration key;</item>
/// <item><see cref="Pilots"/>: pilot enrolments from one client address, which look staff up by exact e-mail: against guessing addresses.</item>
/// </list>
/// The client address is the connection's, or the one a configured proxy forwarded (<see cref="ClientAddresses"/>).
/// </summary>
internal static class RateLimits
{
    public const string Login = nameof(Login);
    public const string Integration = nameof(Integration);
    public const string Pilots = nameof(Pilots);

    public static void Add(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, _) => WriteRejectionAsync(
            context.HttpContext, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1));

        options.AddPolicy(Login, http => RateLimitPartition.GetFixedWindowLimiter(
            ClientAddress(http), _ => PerMinute(Settings(http).LoginAttemptsPerMinute)));

        options.AddPolicy(Pilots, http => RateLimitPartition.GetFixedWindowLimiter(
            ClientAddress(http), _ => PerMinute(Settings(http).PilotEnrolmentsPerMinute)));

        // Bearer callers send no key: they pass with one header lookup, and never share a key's limit.
        options.AddPolicy(Integration, http =>
            http.Request.Headers.TryGetValue(ApiKeyAuthenticationHandler.HeaderName, out var presented)
            && ApiKey.Parse(presented.ToString()) is { } key
                ? RateLimitPartition.GetFixedWindowLimiter(key.Id.ToString(), _ => PerMinute(Settings(http).ApiKeyRequestsPerMinute))
                : RateLimitPartition.GetNoLimiter(string.Empty));
    }

    /// <summary>Who is asking, as far as the limits are concerned.</summary>
    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";

    public static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };

    /// <summary>The one 429 answer of every limit.</summary>
    public static ValueTask WriteRejectionAsync(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"Try again in {seconds} seconds.",
            },
        });
    }

    private static AuthOptions Settings(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value;
}
