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
internal static class ProgressEndpoints
{
    public static IEndpointRouteBuilder MapProgressEndpoints(this IEndpointRouteBuilder api)
    {
        var rounds = api.MapGroup("/rounds/{id:guid}").WithTags("Progress");

        rounds.MapPost("/things/{thingId:guid}/start", Start)
            .RequirePolicy(Policies.SignedIn)
            .WithName("StartThing")
            .WithSummary("Begin a released thing of a round I take part in (or an unreleased one where working ahead is allowed); again changes nothing.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        rounds.MapPost("/things/{thingId:guid}/report", Report)
            .RequirePolicy(Policies.SignedIn)
            .WithName("ReportThing")
            .WithSummary("Report a thing with a reflection: a few lines, a link to a blog post, or both. The same report again changes nothing; reporting the last thing completes the round.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        rounds.MapGet("/reflections", ListReflections)
            .RequirePolicy(Policies.SignedIn)
            .WithName("ListReflections")
            .WithSummary("The round's reported reflections by thing, for whoever runs the round and for its participants; filter by thing.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        rounds.MapPut("/enrolments/{participantId:guid}/things/{thingId:guid}/acknowledgement", Acknowledge)
            .RequirePolicy(Policies.Staff)
            .WithName("AcknowledgeReflection")
            .WithSummary("Acknowledge a participant's reflection on a thing, with a comment or without.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        rounds.MapGet("/enrolments/{participantId:guid}/history", History)
            .RequirePolicy(Policies.SignedIn)
            .WithName("GetEnrolmentHistory")
            .WithSummary("Every dated change of a participant's enrolment (who, what, when), oldest first; a participant reads their own.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        rounds.MapPost("/enrolments/{participantId:guid}/nudges", Nudge)
            .RequirePolicy(Policies.Staff)
            .WithName("NudgeParticipant")
            .WithSummary("Record a nudge to a participant; refused within the configured number of days of the last (Participants:NudgeIntervalDays).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/me/rounds", MyRounds)
            .RequirePolicy(Policies.SignedIn)
            .WithTags("Progress")
            .WithName("ListMyRounds")
            .WithSummary("My rounds: the things released so far with their instructions, my progress on each, what is next, and the deadline.")
            .ProducesValidationProblem();

        return api;
    }

    private static async Task<Ok<ThingProgressDto>> Start(Guid id, Guid thingId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new StartThingCommand(id, thingId), cancellationToken));

    private static async Task<Ok<ThingProgressDto>> Report(Guid id, Guid thingId, ReportInput report, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ReportThingCommand(id, thingId, report), cancellationToken));

    private static async Task<Ok<PagedList<RoundReflectionDto>>> ListReflections(
        Guid id, ISender sender, CancellationToken cancellationToken, Guid? thingId = null, int page = 1, int pageSize = PagingDefaults.PageSize) =>
        TypedResults.Ok(await sender.Send(new ListReflectionsQuery(id, thingId, page, pageSize), cancellationToken));

    private static async Task<Ok<ThingProgressDto>> Acknowledge(
        Guid id, Guid participantId, Guid thingId, AcknowledgementInput? acknowledgement, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new AcknowledgeReflectionCommand(id, participantId, thingId, acknowledgement), cancellationToken));

    private static async Task<Ok<PagedList<ProgressEventDto>>> History(
        Guid id, Guid participantId, ISender sender, CancellationToken cancellationToken, int page = 1, int pageSize = PagingDefaults.PageSize) =>
        TypedResults.Ok(await sender.Send(new GetEnrolmentHistoryQuery(id, participantId, page, pageSize), cancellationToken));

    private static async Task<Created<NudgeDto>> Nudge(
        Guid id, Guid participantId, NudgeInput? nudge, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Created(
            $"/api/v1/rounds/{id}/enrolments/{participantId}/history",
            await sender.Send(new NudgeParticipantCommand(id, participantId, nudge), cancellationToken));

    private static async Task<Ok<PagedList<MyRoundDto>>> MyRounds(
        ISender sender, CancellationToken cancellationToken, int page = 1, int pageSize = PagingDefaults.PageSize) =>
        TypedResults.Ok(await sender.Send(new ListMyRoundsQuery(page, pageSize), cancellationToken));
}
