using EnSakITaget.Api.Common;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Participants;
using EnSakITaget.Application.Participants.AcknowledgeReflection;
using EnSakITaget.Application.Participants.GetEnrolmentHistory;
using EnSakITaget.Application.Participants.ListMyRounds;
using EnSakITaget.Application.Participants.ListReflections;
using EnSakITaget.Application.Participants.NudgeParticipant;
using EnSakITaget.Application.Participants.ReportThing;
using EnSakITaget.Application.Participants.StartThing;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Participants;

/// <summary>A participant's progress through a round's things, and the coordinator's part in it.</summary>
internal sealed class ProgressEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var rounds = api.MapGroup("/rounds/{id:guid}").WithTags("Progress");

        rounds.MapPost("/things/{thingId:guid}/start", StartThing)
            .RequirePolicy(Policies.SignedIn)
            .WithSummary("Begin a released thing of a round I take part in (or an unreleased one where working ahead is allowed); again changes nothing.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        rounds.MapPost("/things/{thingId:guid}/report", ReportThing)
            .RequirePolicy(Policies.SignedIn)
            .WithSummary("Report a thing with a reflection: a few lines, a link to a blog post, or both. The same report again changes nothing; reporting the last thing completes the round.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        rounds.MapGet("/reflections", ListReflections)
            .RequirePolicy(Policies.SignedIn)
            .WithSummary("The round's reported reflections by thing, for whoever runs the round and for its participants; filter by thing.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        rounds.MapPut("/enrolments/{participantId:guid}/things/{thingId:guid}/acknowledgement", AcknowledgeReflection)
            .RequirePolicy(Policies.Staff)
            .WithSummary("Acknowledge a participant's reflection on a thing, with a comment or without.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        rounds.MapGet("/enrolments/{participantId:guid}/history", GetEnrolmentHistory)
            .RequirePolicy(Policies.SignedIn)
            .WithSummary("Every dated change of a participant's enrolment (who, what, when), oldest first; a participant reads their own.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        rounds.MapPost("/enrolments/{participantId:guid}/nudges", NudgeParticipant)
            .RequirePolicy(Policies.Staff)
            .WithSummary("Record a nudge to a participant; refused within the configured number of days of the last (Participants:NudgeIntervalDays).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/me/rounds", ListMyRounds)
            .RequirePolicy(Policies.SignedIn)
            .WithTags("Progress")
            .WithSummary("My rounds: the things released so far with their instructions, my progress on each, what is next, and the deadline.")
            .ProducesValidationProblem();
    }

    private static async Task<Ok<ThingProgressDto>> StartThing(Guid id, Guid thingId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new StartThingCommand(id, thingId), cancellationToken));

    private static async Task<Ok<ThingProgressDto>> ReportThing(Guid id, Guid thingId, ReportInput report, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ReportThingCommand(id, thingId, report), cancellationToken));

    private static async Task<Ok<PagedList<RoundReflectionDto>>> ListReflections(
        Guid id, ISender sender, CancellationToken cancellationToken, Guid? thingId = null, int page = 1, int pageSize = PagingDefaults.PageSize) =>
        TypedResults.Ok(await sender.Send(new ListReflectionsQuery(id, thingId, page, pageSize), cancellationToken));

    private static async Task<Ok<ThingProgressDto>> AcknowledgeReflection(
        Guid id, Guid participantId, Guid thingId, AcknowledgementInput? acknowledgement, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new AcknowledgeReflectionCommand(id, participantId, thingId, acknowledgement), cancellationToken));

    private static async Task<Ok<PagedList<ProgressEventDto>>> GetEnrolmentHistory(
        Guid id, Guid participantId, ISender sender, CancellationToken cancellationToken, int page = 1, int pageSize = PagingDefaults.PageSize) =>
        TypedResults.Ok(await sender.Send(new GetEnrolmentHistoryQuery(id, participantId, page, pageSize), cancellationToken));

    private static async Task<Created<NudgeDto>> NudgeParticipant(
        Guid id, Guid participantId, NudgeInput? nudge, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Created(
            $"/api/v1/rounds/{id}/enrolments/{participantId}/history",
            await sender.Send(new NudgeParticipantCommand(id, participantId, nudge), cancellationToken));

    private static async Task<Ok<PagedList<MyRoundDto>>> ListMyRounds(
        ISender sender, CancellationToken cancellationToken, int page = 1, int pageSize = PagingDefaults.PageSize) =>
        TypedResults.Ok(await sender.Send(new ListMyRoundsQuery(page, pageSize), cancellationToken));
}
