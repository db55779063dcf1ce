namespace EnSakITaget.Api.Common;

internal static class AccessExtensions
{
    /// <summary>
    /// Requires the policy and documents the 401 and 403 it may answer. A policy that lets
    /// integration keys in also limits each key (<see cref="RateLimits.Integration"/>): the key's
    /// limit comes with the permission, so no endpoint accepts keys without it.
    /// </summary>
    public static RouteHandlerBuilder RequirePolicy(this RouteHandlerBuilder builder, string policy)
    {
        builder.RequireAuthorization(policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return Policies.AcceptsIntegrationKeys(policy)
            ? builder.RequireRateLimiting(RateLimits.Integration).ProducesProblem(StatusCodes.Status429TooManyRequests)
            : builder;
    }
}
