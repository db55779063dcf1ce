using EnSakITaget.Domain.Identity;
using EnSakITaget.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;

namespace EnSakITaget.Api.Common;

/// <summary>Who may call what. Which rows they then see is the library scope's business, in the database.</summary>
internal static class Policies
{
    /// <summary>County administration: libraries' shape, integration keys, the audit trail.</summary>
    public const string Administration = nameof(Administration);

    /// <summary>Everyone who runs training: administrators and coordinators.</summary>
    public const string Staff = nameof(Staff);

    /// <summary>Staff, or an integration key: the read endpoints meant for integrations.</summary>
    public const string StaffOrIntegration = nameof(StaffOrIntegration);

    /// <summary>Any signed-in user, participants included.</summary>
    public const string SignedIn = nameof(SignedIn);

    public static readonly string[] AdministrationRoles = [nameof(Role.Administrator), nameof(Role.CountyAdmin)];
    public static readonly string[] StaffRoles = [.. AdministrationRoles, nameof(Role.Coordinator)];

    /// <summary>The roles whose grants count on an endpoint of this policy; null where every role counts.</summary>
    public static Role[]? RolesOf(string? policy) => policy switch
    {
        Administration => [Role.Administrator, Role.CountyAdmin],
        Staff or StaffOrIntegration => [Role.Administrator, Role.CountyAdmin, Role.Coordinator],
        _ => null,
    };

    /// <summary>Whether an endpoint of this policy takes integration keys, and so must limit each key.</summary>
    public static bool AcceptsIntegrationKeys(string? policy) => policy == StaffOrIntegration;

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Administration, policy => policy.RequireRole(AdministrationRoles));
        options.AddPolicy(Staff, policy => policy.RequireRole(StaffRoles));
        options.AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser());
        // The key itself is read only where the endpoint accepts keys (AccessExtensions.RequirePolicy).
        options.AddPolicy(StaffOrIntegration, policy => policy
            .RequireAssertion(context =>
                StaffRoles.Any(context.User.IsInRole) || context.User.HasClaim(c => c.Type == ApiKeyAuthenticationHandler.KeyIdClaim)));

        // An endpoint that names no policy is closed: only explicitly anonymous endpoints are open.
        // Routing's own refusals (405 for a method, 415 for a body no endpoint of the route reads)
        // show nothing and do nothing, so they need no sign-in: a wrong body on login is a 415, not a 401.
        options.FallbackPolicy = new AuthorizationPolicyBuilder()
            .RequireAssertion(context => context.User.Identity?.IsAuthenticated == true || IsRoutingRefusal(context.Resource))
            .Build();
    }

    /// <summary>The endpoints routing makes up when no mapped endpoint takes the method or the body; every mapped one is a <see cref="RouteEndpoint"/>.</summary>
    private static bool IsRoutingRefusal(object? resource) =>
        resource is HttpContext { } http && http.GetEndpoint() is { } endpoint && endpoint is not RouteEndpoint && endpoint.Metadata.Count == 0;
}
