using EnSakITaget.Api.Common;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Courses;
using EnSakITaget.Application.Courses.CloseRound;
using EnSakITaget.Application.Courses.CreateRound;
using EnSakITaget.Application.Courses.GetRound;
using EnSakITaget.Application.Courses.GetSchedule;
using EnSakITaget.Application.Courses.ListRounds;
using EnSakITaget.Application.Courses.OpenRound;
using EnSakITaget.Application.Courses.PreviewRoundPlan;
using EnSakITaget.Application.Courses.ReleaseNextThing;
using EnSakITaget.Application.Courses.SetSchedule;
using EnSakITaget.Application.Courses.UpdateRound;
using EnSakITaget.Domain.Courses;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Courses;

internal sealed class RoundsEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var rounds = api.MapGroup("/rounds").WithTags("Rounds");

        rounds.MapGet("/", ListRounds)
            .RequirePolicy(Policies.Staff)
            .WithSummary("List the rounds of my libraries, newest kick-off first.")
            .ProducesValidationProblem();

        rounds.MapPost("/", CreateRound)
            .RequirePolicy(Policies.Staff)
            .WithSummary("Plan a round of a published course for a library organisation, as a draft.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        rounds.MapPost("/plan-preview", PreviewRoundPlan)
            .RequirePolicy(Policies.Staff)
            .WithSummary("The release plan a round would get from these fields, with the same checks as creating it and setting its schedule; nothing is saved.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        rounds.MapGet("/{id:guid}", GetRound)

            .TaggedByRevision<Round>()
            .RequirePolicy(Policies.Staff)
            .WithSummary("Read a round.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        rounds.MapPut("/{id:guid}", UpdateRound)

            .TaggedByRevision<Round>()
            .RequirePolicy(Policies.Staff)
            .WithSummary("Replace a round's title, coordinators, kick-off (while a draft), deadline and work-ahead policy.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        rounds.MapPost("/{id:guid}/open", OpenRound)
            .RequirePolicy(Policies.Staff)
            .WithSummary("Open a draft round: its things are released on schedule from the kick-off.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        rounds.MapPost("/{id:guid}/close", CloseRound)
            .RequirePolicy(Policies.Staff)
            .WithSummary("Close a round now; rounds also close by themselves after their deadline.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        rounds.MapGet("/{id:guid}/schedule", GetSchedule)

            .TaggedByRevision<Round>()
            .RequirePolicy(Policies.Staff)
            .WithSummary("What is released, what is planned and when, the next release and the deadline.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        rounds.MapPut("/{id:guid}/schedule", SetSchedule)

            .TaggedByRevision<Round>()
            .RequirePolicy(Policies.Staff)
            .WithSummary("Plan the releases: one thing every N weeks with pauses, or a date for each thing.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        rounds.MapPost("/{id:guid}/release-next", ReleaseNextThing)
            .RequirePolicy(Policies.Staff)
            .WithSummary("Release the next thing now, ahead of the plan, if as many things are released as expected: one click releases at most one thing.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<PagedList<RoundDto>>> ListRounds(
        ISender sender, CancellationToken cancellationToken, Guid? homeLibraryId = null, Guid? courseId = null,
        RoundStatus? status = null, int page = 1, int pageSize = PagingDefaults.PageSize) =>
        TypedResults.Ok(await sender.Send(new ListRoundsQuery(homeLibraryId, courseId, status, page, pageSize), cancellationToken));

    private static async Task<Created<RoundDto>> CreateRound(CreateRoundInput round, ISender sender, CancellationToken cancellationToken)
    {
        var created = await sender.Send(new CreateRoundCommand(round), cancellationToken);
        return TypedResults.Created($"/api/v1/rounds/{created.Id}", created);
    }

    private static async Task<Ok<ScheduleDto>> PreviewRoundPlan(PreviewRoundPlanInput round, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new PreviewRoundPlanQuery(round), cancellationToken));

    private static async Task<Ok<RoundDto>> GetRound(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetRoundQuery(id), cancellationToken));

    private static async Task<Ok<RoundDto>> UpdateRound(Guid id, RoundInput round, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new UpdateRoundCommand(id, round), cancellationToken));

    private static async Task<Ok<RoundDto>> OpenRound(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new OpenRoundCommand(id), cancellationToken));

    private static async Task<Ok<RoundDto>> CloseRound(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new CloseRoundCommand(id), cancellationToken));

    private static async Task<Ok<ScheduleDto>> GetSchedule(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetScheduleQuery(id), cancellationToken));

    private static async Task<Ok<ScheduleDto>> SetSchedule(Guid id, ScheduleInput schedule, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new SetScheduleCommand(id, schedule), cancellationToken));

    private static async Task<Ok<ScheduleDto>> ReleaseNextThing(Guid id, ReleaseNextInput release, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ReleaseNextThingCommand(id, release.ExpectedReleased), cancellationToken));
}
