using EnSakITaget.Api.Common;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Participants;
using EnSakITaget.Application.Participants.EnrolParticipants;
using EnSakITaget.Application.Participants.ListEnrolments;
using EnSakITaget.Application.Participants.RecordKickOffAttendance;
using EnSakITaget.Application.Participants.WithdrawEnrolment;
using EnSakITaget.Domain.Participants;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Participants;

internal sealed class EnrolmentsEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var enrolments = api.MapGroup("/rounds/{id:guid}/enrolments").WithTags("Participants");

        enrolments.MapGet("/", ListEnrolments)
            .RequirePolicy(Policies.Staff)
            .WithSummary("Who is enrolled in the round, pilots included, with their status and kick-off attendance.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        enrolments.MapPost("/", EnrolParticipants)
            .RequirePolicy(Policies.Staff)
            .WithSummary("Invite staff to the round: a list of people, or a whole library with its units; pilots from other libraries of the county too.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        enrolments.MapPut("/{participantId:guid}", RecordKickOffAttendance)
            .TaggedByRevision<Enrolment>("participantId", "StaffMemberId")
            .RequirePolicy(Policies.Staff)
            .WithSummary("Record whether the participant came to the kick-off meeting; attending makes them active.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        enrolments.MapDelete("/{participantId:guid}", WithdrawEnrolment)
            .TaggedByRevision<Enrolment>("participantId", "StaffMemberId")
            .RequirePolicy(Policies.Staff)
            .WithSummary("Withdraw a participant from the round; their history stays and they can be enrolled again.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<PagedList<EnrolmentDto>>> ListEnrolments(
        Guid id, ISender sender, CancellationToken cancellationToken,
        EnrolmentStatus? status = null, int page = 1, int pageSize = PagingDefaults.PageSize) =>
        TypedResults.Ok(await sender.Send(new ListEnrolmentsQuery(id, status, page, pageSize), cancellationToken));

    private static async Task<Ok<EnrolmentReport>> EnrolParticipants(Guid id, EnrolmentInput enrolment, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new EnrolParticipantsCommand(id, enrolment), cancellationToken));

    private static async Task<Ok<EnrolmentDto>> RecordKickOffAttendance(
        Guid id, Guid participantId, KickOffAttendanceInput attendance, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new RecordKickOffAttendanceCommand(id, participantId, attendance), cancellationToken));

    private static async Task<NoContent> WithdrawEnrolment(Guid id, Guid participantId, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new WithdrawEnrolmentCommand(id, participantId), cancellationToken);
        return TypedResults.NoContent();
    }
}
