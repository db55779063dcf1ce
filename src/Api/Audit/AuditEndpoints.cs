using EnSakITaget.Api.Common;
using EnSakITaget.Application.Audit.ListAuditEntries;
using EnSakITaget.Application.Common.Paging;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Audit;

internal sealed class AuditEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/audit", ListAuditEntries)
            .WithTags("Audit")
            .RequirePolicy(Policies.Administration)
            .WithSummary("Who created, changed or deleted what in my libraries, and when; newest first. Filter by kind and id of thing, by a part of the actor's name (their e-mail), and by the days from and to (UTC, both included).")
            .ProducesValidationProblem();
    }

    private static async Task<Ok<PagedList<AuditEntryDto>>> ListAuditEntries(
        ISender sender, CancellationToken cancellationToken,
        string? entityType = null, string? entityId = null, int page = 1, int pageSize = PagingDefaults.PageSize,
        string? actor = null, DateOnly? from = null, DateOnly? to = null) =>
        TypedResults.Ok(await sender.Send(new ListAuditEntriesQuery(entityType, entityId, page, pageSize, actor, from, to), cancellationToken));
}
