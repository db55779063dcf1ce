namespace EnSakITaget.Api.Common;

internal static class AccessExtensions
{
    /// <summary>Requires the policy and documents the 401 and 403 it may answer.</summary>
    public static RouteHandlerBuilder RequirePolicy(this RouteHandlerBuilder builder, string policy) =>
        builder.RequireAuthorization(policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
