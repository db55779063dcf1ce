using EnSakITaget.Api.Common;
using EnSakITaget.Application.Common;
using EnSakITaget.Application.Feedback;
using EnSakITaget.Application.Feedback.AnswerSurvey;
using EnSakITaget.Application.Feedback.GetCourseSurveySummary;
using EnSakITaget.Application.Feedback.GetSurvey;
using EnSakITaget.Application.Feedback.GetSurveySummary;
using EnSakITaget.Application.Feedback.UpdateSurvey;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Feedback;

/// <summary>The closing survey of a round, its answers, and what they tell the county.</summary>
internal static class FeedbackEndpoints
{
    public static IEndpointRouteBuilder MapFeedbackEndpoints(this IEndpointRouteBuilder api)
    {
        var survey = api.MapGroup("/rounds/{id:guid}/survey").WithTags("Feedback");

        survey.MapGet("/", Get)
            .RequirePolicy(Policies.SignedIn)
            .WithName("GetSurvey")
            .WithSummary("The round's survey (the report's three questions until changed), for whoever runs the round and its participants.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        survey.MapPut("/", Update)
            .RequirePolicy(Policies.Staff)
            .WithName("UpdateSurvey")
            .WithSummary("Change the questions, whether the survey is anonymous, when it opens and closes; only before it opens.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        survey.MapPost("/responses", Answer)
            .RequirePolicy(Policies.SignedIn)
            .WithName("AnswerSurvey")
            .WithSummary("Answer the survey, once; phase Before answers the self-assessment before the first report.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        survey.MapGet("/summary", Summary)
            .RequirePolicy(Policies.Staff)
            .WithName("GetSurveySummary")
            .WithSummary("Response rate, ratings, choices, free texts (no names when anonymous) and the change in self-assessment; Accept: text/csv for CSV.")
            .Produces<SurveySummaryDto>(StatusCodes.Status200OK, "application/json", ExcelCsv.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/courses/{id:guid}/survey/summary", CourseSummary)
            .RequirePolicy(Policies.Administration)
            .WithTags("Feedback")
            .WithName("GetCourseSurveySummary")
            .WithSummary("For a county: the surveys of every round of the course in my libraries, added up by question; Accept: text/csv for CSV.")
            .Produces<SurveySummaryDto>(StatusCodes.Status200OK, "application/json", ExcelCsv.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<Ok<SurveyDto>> Get(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetSurveyQuery(id), cancellationToken));

    private static async Task<Ok<SurveyDto>> Update(Guid id, SurveyInput survey, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new UpdateSurveyCommand(id, survey), cancellationToken));

    private static async Task<Created<ResponseReceipt>> Answer(Guid id, ResponseInput response, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Created($"/api/v1/rounds/{id}/survey", await sender.Send(new AnswerSurveyCommand(id, response), cancellationToken));

    private static async Task<IResult> Summary(Guid id, HttpRequest request, ISender sender, CancellationToken cancellationToken) =>
        AsJsonOrCsv(request, await sender.Send(new GetSurveySummaryQuery(id), cancellationToken), $"survey-{id}.csv");

    private static async Task<IResult> CourseSummary(Guid id, HttpRequest request, ISender sender, CancellationToken cancellationToken) =>
        AsJsonOrCsv(request, await sender.Send(new GetCourseSurveySummaryQuery(id), cancellationToken), $"course-survey-{id}.csv");

    private static IResult AsJsonOrCsv(HttpRequest request, SurveySummaryDto summary, string fileName) =>
        request.AcceptsCsv()
            ? TypedResults.File(SurveySummaryCsv.Write(summary), $"{ExcelCsv.ContentType}; charset=utf-8", fileName)
            : TypedResults.Ok(summary);
}
