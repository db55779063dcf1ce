using EnSakITaget.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;

namespace EnSakITaget.Api.Common;

/// <summary>
/// After authorization: the caller's library scope is made of the grants the endpoint's policy
/// allows, not of every role they hold, so a role in one library never lends its power to another.
/// </summary>
internal sealed class ScopeByPolicyMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentUser caller)
    {
        var policy = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().LastOrDefault(a => a.Policy is not null)?.Policy;
        if (Policies.RolesOf(policy) is { } roles)
        {
            caller.NarrowTo(roles);
        }

        return next(context);
    }
}
