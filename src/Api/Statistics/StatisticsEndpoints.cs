using EnSakITaget.Api.Common;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Statistics.GetLibraryStatistics;
using EnSakITaget.Application.Statistics.GetRoundStatistics;
using Mediator;

namespace EnSakITaget.Api.Statistics;

/// <summary>
/// Statistics for dashboards and integrations: JSON, or a spreadsheet (CSV or an Excel workbook)
/// for the <c>Accept</c> that asks for one (<see cref="SpreadsheetFormat"/>); an
/// <c>ETag</c> on every answer, and 304 for an <c>If-None-Match</c> that still holds, decided
/// before anything is counted (<see cref="VersionedAnswersEndpoints.CachedByDataVersion"/>).
/// </summary>
internal sealed class StatisticsEndpoints : IEndpointGroup
{
    private const string ExportDescription =
        "Accept: text/csv gives CSV, Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet an Excel workbook, " +
        "with the JSON field names as headers. ETag and If-None-Match give 304.";

    public void Map(IEndpointRouteBuilder api)
    {
        var statistics = api.MapGroup("/statistics").WithTags("Statistics");

        statistics.MapGet("/libraries", GetLibraryStatistics)
            .RequirePolicy(Policies.StaffOrIntegration)
            .WithSummary("One row per library node in my scope (or under libraryId), rolled up the tree: staff, enrolled, coverage, managers taking part, active in the last 30 days, completions, things reported, feedback response rate; filter by period and course.")
            .WithDescription(ExportDescription)
            .Produces<LibraryStatisticsList>(StatusCodes.Status200OK, "application/json", SpreadsheetFormat.MediaTypes)
            .CachedByDataVersion()
            .ProducesValidationProblem();

        statistics.MapGet("/rounds/{id:guid}", GetRoundStatistics)
            .RequirePolicy(Policies.StaffOrIntegration)
            .WithSummary("One round: completion per thing, median pace, spread, weekly reports, feedback response rate.")
            .WithDescription(ExportDescription + " The spreadsheet has a table for each part: round, pace, things (with standingAt), spread, weeklyReports, feedback.")
            .Produces<RoundStatisticsDto>(StatusCodes.Status200OK, "application/json", SpreadsheetFormat.MediaTypes)
            .CachedByDataVersion()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> GetLibraryStatistics(
        HttpRequest request, ISender sender, CancellationToken cancellationToken, Guid? libraryId = null,
        Guid? courseId = null, DateOnly? from = null, DateOnly? to = null, int page = 1, int pageSize = PagingDefaults.PageSize) =>
        SpreadsheetFormat.Answer(request, await sender.Send(new GetLibraryStatisticsQuery(libraryId, courseId, from, to, page, pageSize), cancellationToken),
            LibraryStatisticsSpreadsheet.Of, "library-statistics");

    private static async Task<IResult> GetRoundStatistics(HttpRequest request, Guid id, ISender sender, CancellationToken cancellationToken) =>
        SpreadsheetFormat.Answer(request, await sender.Send(new GetRoundStatisticsQuery(id), cancellationToken),
            RoundStatisticsSpreadsheet.Of, $"round-statistics-{id}");
}
