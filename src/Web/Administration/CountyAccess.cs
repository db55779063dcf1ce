using EnSakITaget.Web.Common.Api;

namespace EnSakITaget.Web.Administration;

/// <summary>Who sees the county's pages: the API decides (403/404); this only picks the menu and the friendly page.</summary>
public static class CountyAccess
{
    public static bool MayAdminister(MeDto? me) =>
        me?.Roles?.Any(grant => grant.Role is Role.CountyAdmin or Role.Administrator) == true;

    /// <summary>The county a county administrator acts for; null for an administrator of the whole service.</summary>
    public static Guid? CountyOf(MeDto? me) =>
        me?.Roles?.FirstOrDefault(grant => grant.Role == Role.CountyAdmin)?.LibraryId;

    /// <summary>The counties (or other nodes) the reader administers, as the roots of the trees the pages show.</summary>
    public static IReadOnlyList<Guid> AdministeredLibraries(MeDto? me) =>
        [.. me?.Roles?.Where(grant => grant.Role == Role.CountyAdmin && grant.LibraryId is not null).Select(grant => grant.LibraryId!.Value).Distinct() ?? []];

    /// <summary>An administrator holds the whole country rather than a subtree.</summary>
    public static bool AdministersEverything(MeDto? me) => me?.Roles?.Any(grant => grant.Role == Role.Administrator) == true;

    /// <summary>The API's answers that mean "not yours" rather than "broken": shown kindly, not as an error.</summary>
    public static bool IsNotYours(Exception exception) =>
        exception is ApiException { StatusCode: 401 or 403 or 404 };

    /// <summary>The explanation the API gives with a refusal (problem details' detail), or null.</summary>
    public static string? Explanation(Exception exception) => exception switch
    {
        ApiException<ProblemDetails> { Result.Detail: { Length: > 0 } detail } => detail,
        ApiException<HttpValidationProblemDetails> { Result.Detail: { Length: > 0 } detail } => detail,
        _ => null,
    };
}
