using EnSakITaget.Web.Common.Api;

namespace EnSakITaget.Web.Courses;

/// <summary>Who sees the county's pages: the API decides (403/404); this only picks the menu, the county and the friendly page.</summary>
public static class CountyAccess
{
    public static bool MayAdminister(MeDto? me) =>
        me?.Roles?.Any(grant => grant.Role is Role.CountyAdmin or Role.Administrator) == true;

    /// <summary>The county a county administrator acts for; null for an administrator of the whole service.</summary>
    public static Guid? CountyOf(MeDto? me) =>
        me?.Roles?.FirstOrDefault(grant => grant.Role == Role.CountyAdmin)?.LibraryId;
}
