using EnSakITaget.Infrastructure.Identity;

namespace EnSakITaget.Api.Common;

internal static class AccessExtensions
{
    /// <summary>
    /// Requires the policy. A policy that lets integration keys in marks the endpoint as one that
    /// reads them (<see cref="AcceptsApiKeys"/>) and limits each key (<see cref="RateLimits.Integration"/>):
    /// the key's limit comes with the permission, so no endpoint accepts keys without it. The 401,
    /// 403 and 429 this brings are documented from the same metadata by <c>AccessAndErrorsOperationFilter</c>.
    /// </summary>
    public static RouteHandlerBuilder RequirePolicy(this RouteHandlerBuilder builder, string policy)
    {
        builder.RequireAuthorization(policy);
        return Policies.AcceptsIntegrationKeys(policy)
            ? builder.WithMetadata(AcceptsApiKeys.Metadata).RequireRateLimiting(RateLimits.Integration)
            : builder;
    }
}
