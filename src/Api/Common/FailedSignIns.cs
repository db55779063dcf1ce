using System.Threading.RateLimiting;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Infrastructure.Identity;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Api.Common;

/// <summary>
/// Counts the failed sign-ins and refreshes of each client address, and refuses that address
/// with 429 once it has failed <see cref="AuthOptions.FailedLoginsPerMinute"/> times in a minute.
/// Only failures count: twenty staff signing in at a kick-off behind one library's address pass,
/// while someone trying password after password, or account after account, is slowed down.
/// </summary>
internal sealed class FailedSignIns(IOptions<AuthOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => RateLimits.PerMinute(options.Value.FailedLoginsPerMinute)));

    /// <summary>Lets the attempt through while the address has failures to spare; counts it if it fails.</summary>
    public async ValueTask<object?> GuardAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var address = RateLimits.ClientAddress(context.HttpContext);

        // Asking for no permit takes none: it only says whether the address has any left, and if not, for how long.
        using (var spare = failures.AttemptAcquire(address, permitCount: 0))
        {
            if (!spare.IsAcquired)
            {
                return new Refused(spare.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1));
            }
        }

        try
        {
            return await next(context);
        }
        catch (UnauthorizedException)
        {
            failures.AttemptAcquire(address).Dispose();
            throw;
        }
    }

    public void Dispose() => failures.Dispose();

    private sealed class Refused(TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => RateLimits.WriteRejectionAsync(httpContext, retryAfter).AsTask();
    }
}

internal static class FailedSignInsExtensions
{
    /// <summary>Counts this endpoint's 401s against the client address (<see cref="FailedSignIns"/>).</summary>
    public static RouteHandlerBuilder LimitFailedSignIns(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<FailedSignIns>().GuardAsync(context, next));
}
