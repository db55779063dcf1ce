using EnSakITaget.Api.Common;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Messaging;
using EnSakITaget.Application.Messaging.ListOutbox;
using EnSakITaget.Application.Messaging.ResendMessage;
using EnSakITaget.Domain.Messaging;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Messaging;

internal sealed class OutboxEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var outbox = api.MapGroup("/outbox").WithTags("Messaging");

        outbox.MapGet("/", ListOutbox)
            .RequirePolicy(Policies.Administration)
            .WithSummary("Administrators: the e-mail messages queued, sent and failed, newest first; filter by state.")
            .ProducesValidationProblem();

        outbox.MapPost("/{id:guid}/resend", ResendMessage)
            .RequirePolicy(Policies.Administration)
            .WithSummary("Administrators: send a message again, its tries counted from nought.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<PagedList<OutboxMessageDto>>> ListOutbox(
        ISender sender, CancellationToken cancellationToken, OutboxState? state = null, int page = 1, int pageSize = PagingDefaults.PageSize) =>
        TypedResults.Ok(await sender.Send(new ListOutboxQuery(state, page, pageSize), cancellationToken));

    private static async Task<Ok<OutboxMessageDto>> ResendMessage(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ResendMessageCommand(id), cancellationToken));
}
