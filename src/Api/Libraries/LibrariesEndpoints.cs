using EnSakITaget.Api.Common;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Libraries;
using EnSakITaget.Application.Libraries.CreateLibrary;
using EnSakITaget.Application.Libraries.DeleteLibrary;
using EnSakITaget.Application.Libraries.GetLibrary;
using EnSakITaget.Application.Libraries.GetLibraryTree;
using EnSakITaget.Application.Libraries.ListLibraries;
using EnSakITaget.Application.Libraries.UpdateLibrary;
using EnSakITaget.Domain.Libraries;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Libraries;

internal sealed class LibrariesEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var libraries = api.MapGroup("/libraries").WithTags("Libraries");

        libraries.MapGet("/", ListLibraries)
            .RequirePolicy(Policies.StaffOrIntegration)
            .WithSummary("List library nodes, filtered by parent and type, a page at a time.")
            .ProducesValidationProblem();

        libraries.MapPost("/", CreateLibrary)
            .RequirePolicy(Policies.Administration)
            .WithSummary("Create a county, a municipal library organisation or a library unit.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        libraries.MapGet("/{id:guid}", GetLibrary)
            .TaggedByRevision<LibraryNode>(projectedRead: true)
            .RequirePolicy(Policies.StaffOrIntegration)
            .WithSummary("Read one library node.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        libraries.MapPut("/{id:guid}", UpdateLibrary)
            .TaggedByRevision<LibraryNode>()
            .RequirePolicy(Policies.Administration)
            .WithSummary("Replace a library node's details, or move it under another parent.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        libraries.MapDelete("/{id:guid}", DeleteLibrary)
            .TaggedByRevision<LibraryNode>()
            .RequirePolicy(Policies.Administration)
            .WithSummary("Delete a library node; refused while anything depends on it.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        libraries.MapGet("/{id:guid}/tree", GetLibraryTree)
            .RequirePolicy(Policies.StaffOrIntegration)
            .WithSummary("Read a node with everything under it, and the staff it adds up to.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<PagedList<LibraryDto>>> ListLibraries(
        ISender sender,
        CancellationToken cancellationToken,
        Guid? parentId = null,
        LibraryNodeType? type = null,
        int page = 1,
        int pageSize = PagingDefaults.PageSize) =>
        TypedResults.Ok(await sender.Send(new ListLibrariesQuery(parentId, type, page, pageSize), cancellationToken));

    private static async Task<Created<LibraryDto>> CreateLibrary(
        LibraryInput library, ISender sender, CancellationToken cancellationToken)
    {
        var created = await sender.Send(new CreateLibraryCommand(library), cancellationToken);
        return TypedResults.Created($"/api/v1/libraries/{created.Id}", created);
    }

    private static async Task<Ok<LibraryDto>> GetLibrary(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetLibraryQuery(id), cancellationToken));

    private static async Task<Ok<LibraryDto>> UpdateLibrary(
        Guid id, LibraryInput library, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new UpdateLibraryCommand(id, library), cancellationToken));

    private static async Task<NoContent> DeleteLibrary(Guid id, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteLibraryCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<LibraryTreeDto>> GetLibraryTree(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetLibraryTreeQuery(id), cancellationToken));
}
