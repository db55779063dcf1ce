using EnSakITaget.Web.Common.Api;

namespace EnSakITaget.Web.Coordination;

/// <summary>Who sees the coordinators' pages: the API decides per round (403/404); this only picks the menu and the friendly page.</summary>
public static class CoordinatorAccess
{
    public static bool MayCoordinate(MeDto? me) =>
        me?.Roles?.Any(grant => grant.Role is Role.Coordinator or Role.CountyAdmin or Role.Administrator) == true;

    /// <summary>The API's answers that mean "not yours" rather than "broken": shown kindly, not as an error.</summary>
    public static bool IsNotYours(Exception exception) =>
        exception is ApiException { StatusCode: 401 or 403 or 404 };
}
