using EnSakITaget.Api.Common;
using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Participants.GetManagerParticipation;
using EnSakITaget.Application.Participants.GetProgressMatrix;
using EnSakITaget.Application.Participants.GetSpread;
using EnSakITaget.Application.Participants.ListLaggards;
using EnSakITaget.Domain.Participants;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Participants;

/// <summary>The coordinator's follow-up of a round: how far everyone has got, who is behind, whether the managers take part.</summary>
internal sealed class FollowUpEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var rounds = api.MapGroup("/rounds/{id:guid}").WithTags("Follow-up");

        rounds.MapGet("/progress", GetProgressMatrix)
            .RequirePolicy(Policies.Staff)
            .WithSummary("The progress matrix: participants by name against the things, with status and dates; filter by unit (its sub-units included) or status. ETag and If-None-Match give 304.")
            .WithDescription("Accept: text/csv gives CSV, Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet an Excel workbook: " +
                "a row per participant, then two columns per thing, \"3. Facebook\" with its status and \"3. reported\" with the day it was reported.")
            .Produces<ProgressMatrixDto>(StatusCodes.Status200OK, "application/json", SpreadsheetFormat.MediaTypes)
            .CachedByDataVersion()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        rounds.MapGet("/spread", GetSpread)
            .RequirePolicy(Policies.Staff)
            .WithSummary("How many participants stand at each thing, and the distance between the first and the last.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        rounds.MapGet("/laggards", ListLaggards)
            .RequirePolicy(Policies.Staff)
            .WithSummary("Participants behind the latest released thing by at least behindBy things, or inactive for at least inactiveDays days.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        rounds.MapGet("/managers", GetManagerParticipation)
            .RequirePolicy(Policies.Staff)
            .WithSummary("The managers of the round's libraries: how many are on the roster, enrolled, active and done.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>A coordinator's screen polls the matrix: it carries an ETag, and an unchanged round answers 304 or from memory.</summary>
    private static async Task<IResult> GetProgressMatrix(
        HttpRequest request, Guid id, ISender sender, CourseCalendar calendar, CancellationToken cancellationToken,
        Guid? unitId = null, EnrolmentStatus? status = null, int page = 1, int pageSize = PagingDefaults.PageSize) =>
        SpreadsheetFormat.Answer(request, await sender.Send(new GetProgressMatrixQuery(id, unitId, status, page, pageSize), cancellationToken),
            matrix => ProgressMatrixSpreadsheet.Of(matrix, calendar), $"progress-{id}");

    private static async Task<Ok<SpreadDto>> GetSpread(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetSpreadQuery(id), cancellationToken));

    private static async Task<Ok<LaggardsDto>> ListLaggards(
        Guid id, ISender sender, CancellationToken cancellationToken, int? behindBy = null, int? inactiveDays = null) =>
        TypedResults.Ok(await sender.Send(new ListLaggardsQuery(id, behindBy, inactiveDays), cancellationToken));

    private static async Task<Ok<ManagerParticipationDto>> GetManagerParticipation(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetManagerParticipationQuery(id), cancellationToken));
}
