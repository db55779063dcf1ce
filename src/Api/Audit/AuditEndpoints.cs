using EnSakITaget.Api.Common;
using EnSakITaget.Application.Audit.ListAuditEntries;
using EnSakITaget.Application.Common.Paging;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Audit;

internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/audit", List)
            .WithTags("Audit")
            .RequirePolicy(Policies.Administration)
            .WithName("ListAuditEntries")
            .WithSummary("Who created, changed or deleted what in my libraries, and when; newest first.")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Ok<PagedList<AuditEntryDto>>> List(
        ISender sender, CancellationToken cancellationToken,
        string? entityType = null, string? entityId = null, int page = 1, int pageSize = PagingDefaults.PageSize) =>
        TypedResults.Ok(await sender.Send(new ListAuditEntriesQuery(entityType, entityId, page, pageSize), cancellationToken));
}
