using EnSakITaget.Api.Common;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Identity;
using EnSakITaget.Application.Identity.CreateApiKey;
using EnSakITaget.Application.Identity.ListApiKeys;
using EnSakITaget.Application.Identity.RevokeApiKey;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Identity;

internal sealed class ApiKeysEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var keys = api.MapGroup("/api-keys").WithTags("Identity");

        keys.MapGet("/", ListApiKeys)
            .RequirePolicy(Policies.Administration)
            .WithSummary("List the integration keys of my libraries (never their secrets).")
            .ProducesValidationProblem();

        keys.MapPost("/", CreateApiKey)
            .RequirePolicy(Policies.Administration)
            .WithSummary("Issue a read-only integration key for a library subtree; the key is shown in this answer only.")
            .ProducesValidationProblem();

        keys.MapDelete("/{id:guid}", RevokeApiKey)
            .RequirePolicy(Policies.Administration)
            .WithSummary("Revoke an integration key; it stops working at once.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<PagedList<ApiKeyDto>>> ListApiKeys(
        ISender sender, CancellationToken cancellationToken, int page = 1, int pageSize = PagingDefaults.PageSize) =>
        TypedResults.Ok(await sender.Send(new ListApiKeysQuery(page, pageSize), cancellationToken));

    private static async Task<Created<CreatedApiKeyDto>> CreateApiKey(CreateApiKeyCommand key, ISender sender, CancellationToken cancellationToken)
    {
        var created = await sender.Send(key, cancellationToken);
        return TypedResults.Created($"/api/v1/api-keys/{created.Id}", created);
    }

    private static async Task<NoContent> RevokeApiKey(Guid id, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new RevokeApiKeyCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }
}
