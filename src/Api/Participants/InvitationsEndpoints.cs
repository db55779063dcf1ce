using EnSakITaget.Api.Common;
using EnSakITaget.Application.Participants;
using EnSakITaget.Application.Participants.InviteParticipants;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Participants;

internal sealed class InvitationsEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/rounds/{id:guid}/invitations", InviteParticipants)
            .WithTags("Participants")
            .RequirePolicy(Policies.Staff)
            .WithSummary("E-mail the round's participants who have no account (or the listed ones) a link to choose a password; a new link each time, so it resends too.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<InvitationReport>> InviteParticipants(Guid id, InvitationInput? invitation, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new InviteParticipantsCommand(id, invitation), cancellationToken));
}
