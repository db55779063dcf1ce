using EnSakITaget.Api.Common;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Messaging;
using EnSakITaget.Application.Messaging.ListOutbox;
using EnSakITaget.Application.Messaging.ResendMessage;
using EnSakITaget.Domain.Messaging;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Messaging;

internal static class OutboxEndpoints
{
    public static IEndpointRouteBuilder MapOutboxEndpoints(this IEndpointRouteBuilder api)
    {
        var outbox = api.MapGroup("/outbox").WithTags("Messaging");

        outbox.MapGet("/", List)
            .RequirePolicy(Policies.Administration)
            .WithName("ListOutbox")
            .WithSummary("Administrators: the e-mail messages queued, sent and failed, newest first; filter by state.")
            .ProducesValidationProblem();

        outbox.MapPost("/{id:guid}/resend", Resend)
            .RequirePolicy(Policies.Administration)
            .WithName("ResendMessage")
            .WithSummary("Administrators: send a message again, its tries counted from nought.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<Ok<PagedList<OutboxMessageDto>>> List(
        ISender sender, CancellationToken cancellationToken, OutboxState? state = null, int page = 1, int pageSize = PagingDefaults.PageSize) =>
        TypedResults.Ok(await sender.Send(new ListOutboxQuery(state, page, pageSize), cancellationToken));

    private static async Task<Ok<OutboxMessageDto>> Resend(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ResendMessageCommand(id), cancellationToken));
}
