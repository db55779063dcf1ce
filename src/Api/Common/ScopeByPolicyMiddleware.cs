using EnSakITaget.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;

namespace EnSakITaget.Api.Common;

/// <summary>
/// After authorization, before any handler: the one place where the request's scope is fixed, once,
/// from who signed in and the endpoint's policy. It is made of the grants the policy allows, not
/// of every role the caller holds, so a role in one library never lends its power to another.
/// </summary>
internal sealed class ScopeByPolicyMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentUser caller)
    {
        var policy = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().LastOrDefault(a => a.Policy is not null)?.Policy;
        caller.FixScope(Policies.RolesOf(policy));
        return next(context);
    }
}
