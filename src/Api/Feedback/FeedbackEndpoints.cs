using EnSakITaget.Api.Common;
using EnSakITaget.Application.Feedback;
using EnSakITaget.Application.Feedback.AnswerSurvey;
using EnSakITaget.Application.Feedback.GetCourseSurveySummary;
using EnSakITaget.Application.Feedback.GetSurvey;
using EnSakITaget.Application.Feedback.GetSurveySummary;
using EnSakITaget.Application.Feedback.UpdateSurvey;
using EnSakITaget.Domain.Feedback;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Feedback;

/// <summary>The closing survey of a round, its answers, and what they tell the county.</summary>
internal sealed class FeedbackEndpoints : IEndpointGroup
{
    private const string ExportDescription =
        "Accept: text/csv gives CSV, Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet an Excel workbook, " +
        "with a table each for summary, questions, ratingCounts, choices, texts and selfAssessment, headed by the JSON field names.";

    public void Map(IEndpointRouteBuilder api)
    {
        var survey = api.MapGroup("/rounds/{id:guid}/survey").WithTags("Feedback");

        survey.MapGet("/", GetSurvey)
            .TaggedByRevision<Survey>("id", "RoundId", projectedRead: true)
            .RequirePolicy(Policies.SignedIn)
            .WithSummary("The round's survey (the report's three questions until changed), for whoever runs the round and its participants.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        survey.MapPut("/", UpdateSurvey)
            .TaggedByRevision<Survey>("id", "RoundId")
            .RequirePolicy(Policies.Staff)
            .WithSummary("Change the questions, whether the survey is anonymous, when it opens and closes; only before it opens.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        survey.MapPost("/responses", AnswerSurvey)
            .RequirePolicy(Policies.SignedIn)
            .WithSummary("Answer the survey, once; phase Before answers the self-assessment before the first report.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        survey.MapGet("/summary", GetSurveySummary)
            .RequirePolicy(Policies.Staff)
            .WithSummary("Response rate, ratings, choices, free texts (no names when anonymous) and the change in self-assessment; CSV or an Excel workbook too.")
            .WithDescription(ExportDescription)
            .Produces<SurveySummaryDto>(StatusCodes.Status200OK, "application/json", SpreadsheetFormat.MediaTypes)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/courses/{id:guid}/survey/summary", GetCourseSurveySummary)
            .RequirePolicy(Policies.Administration)
            .WithTags("Feedback")
            .WithSummary("For a county: the surveys of every round of the course in my libraries, added up by question; CSV or an Excel workbook too.")
            .WithDescription(ExportDescription)
            .Produces<SurveySummaryDto>(StatusCodes.Status200OK, "application/json", SpreadsheetFormat.MediaTypes)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<SurveyDto>> GetSurvey(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetSurveyQuery(id), cancellationToken));

    private static async Task<Ok<SurveyDto>> UpdateSurvey(Guid id, SurveyInput survey, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new UpdateSurveyCommand(id, survey), cancellationToken));

    private static async Task<Created<ResponseReceipt>> AnswerSurvey(Guid id, ResponseInput response, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Created($"/api/v1/rounds/{id}/survey", await sender.Send(new AnswerSurveyCommand(id, response), cancellationToken));

    private static async Task<IResult> GetSurveySummary(Guid id, HttpRequest request, ISender sender, CancellationToken cancellationToken) =>
        SpreadsheetFormat.Answer(request, await sender.Send(new GetSurveySummaryQuery(id), cancellationToken), SurveySummarySpreadsheet.Of, $"survey-{id}");

    private static async Task<IResult> GetCourseSurveySummary(Guid id, HttpRequest request, ISender sender, CancellationToken cancellationToken) =>
        SpreadsheetFormat.Answer(request, await sender.Send(new GetCourseSurveySummaryQuery(id), cancellationToken), SurveySummarySpreadsheet.Of, $"course-survey-{id}");
}
