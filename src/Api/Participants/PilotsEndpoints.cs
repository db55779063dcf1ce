using EnSakITaget.Api.Common;
using EnSakITaget.Application.Participants;
using EnSakITaget.Application.Participants.EnrolPilot;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Participants;

/// <summary>Pilots from the county's other municipalities, enrolled by the round's coordinator.</summary>
internal sealed class PilotsEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/rounds/{id:guid}/pilots", EnrolPilot)
            .WithTags("Participants")
            .RequirePolicy(Policies.Staff)
            .RequireRateLimiting(RateLimits.Pilots)
            .WithSummary("Enrol a pilot from another municipality of the county by exact e-mail, or register them at a unit of the county; invited like anyone.")
            .WithDescription("The e-mail is matched exactly and never searched. Nobody with it in the round's county, and someone with it outside the county, " +
                "are answered alike: 400 on unitId, asking for the unit and name to register them at. The coordinator sees of the pilot what the round shows, nothing else. " +
                "At most Auth:PilotEnrolmentsPerMinute (30) a minute from one client address; more answer 429 with Retry-After.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<EnrolmentDto>> EnrolPilot(Guid id, PilotInput pilot, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new EnrolPilotCommand(id, pilot), cancellationToken));
}
