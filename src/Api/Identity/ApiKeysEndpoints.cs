using EnSakITaget.Api.Common;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Identity;
using EnSakITaget.Application.Identity.CreateApiKey;
using EnSakITaget.Application.Identity.ListApiKeys;
using EnSakITaget.Application.Identity.RevokeApiKey;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Identity;

internal static class ApiKeysEndpoints
{
    public static IEndpointRouteBuilder MapApiKeysEndpoints(this IEndpointRouteBuilder api)
    {
        var keys = api.MapGroup("/api-keys").WithTags("Identity");

        keys.MapGet("/", List)
            .RequirePolicy(Policies.Administration)
            .WithName("ListApiKeys")
            .WithSummary("List the integration keys of my libraries (never their secrets).")
            .ProducesValidationProblem();

        keys.MapPost("/", Create)
            .RequirePolicy(Policies.Administration)
            .WithName("CreateApiKey")
            .WithSummary("Issue a read-only integration key for a library subtree; the key is shown in this answer only.")
            .ProducesValidationProblem();

        keys.MapDelete("/{id:guid}", Revoke)
            .RequirePolicy(Policies.Administration)
            .WithName("RevokeApiKey")
            .WithSummary("Revoke an integration key; it stops working at once.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<Ok<PagedList<ApiKeyDto>>> List(
        ISender sender, CancellationToken cancellationToken, int page = 1, int pageSize = PagingDefaults.PageSize) =>
        TypedResults.Ok(await sender.Send(new ListApiKeysQuery(page, pageSize), cancellationToken));

    private static async Task<Created<CreatedApiKeyDto>> Create(CreateApiKeyCommand key, ISender sender, CancellationToken cancellationToken)
    {
        var created = await sender.Send(key, cancellationToken);
        return TypedResults.Created($"/api/v1/api-keys/{created.Id}", created);
    }

    private static async Task<NoContent> Revoke(Guid id, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new RevokeApiKeyCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }
}
