using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Application.Statistics.Contracts;
using EnSakITaget.Domain.Courses;
using Mediator;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Application.Statistics.GetRoundStatistics;

/// <summary>One round: completion per thing, pace, spread, the weekly series of reports, the survey's response rate.</summary>
public sealed record GetRoundStatisticsQuery(Guid RoundId) : IQuery<RoundStatisticsDto>;

/// <param name="MedianPacePerMonth">The median participant's things reported per month since they began.</param>
/// <param name="Suppressed">The figures held back for an integration key, by name.</param>
public sealed record RoundStatisticsDto(
    Guid RoundId, string Title, RoundStatus Status, int? Enrolled, int? Completed, int? ActiveLast30Days, double? MedianPacePerMonth,
    IReadOnlyList<ThingCompletionDto> Things, RoundSpreadDto Spread, IReadOnlyList<WeeklyReportsDto> WeeklyReports,
    int? FeedbackResponses, double? FeedbackResponseRate, string Suppressed);

/// <param name="CompletionRate">Reported ÷ enrolled.</param>
public sealed record ThingCompletionDto(Guid ThingId, int Position, string Title, DateTimeOffset? ReleasedAt, int? Reported, double? CompletionRate);

/// <param name="StandingAt">By position: how many have reported the things before it and not it.</param>
public sealed record RoundSpreadDto(IReadOnlyList<int?> StandingAt, int? Finished, int MostReported, int FewestReported, int Distance);

internal sealed class GetRoundStatisticsQueryHandler(
    IRoundDirectory rounds, IParticipationStatistics participation, IFeedbackStatistics feedback, ICurrentUser caller,
    CourseCalendar calendar, IOptions<StatisticsOptions> options)
    : IQueryHandler<GetRoundStatisticsQuery, RoundStatisticsDto>
{
    private const double DaysPerMonth = 365.25 / 12;

    public async ValueTask<RoundStatisticsDto> Handle(GetRoundStatisticsQuery query, CancellationToken cancellationToken)
    {
        var round = await rounds.FindPlanAsync(query.RoundId, cancellationToken) ?? throw new NotFoundException("Round", query.RoundId);
        var figures = await participation.RoundAsync(round.Id, cancellationToken);
        var today = calendar.Today;
        var period = new StatisticsPeriod(null, today, today);
        var responses = (await feedback.ResponsesPerRoundAsync(period, [round.Id], cancellationToken)).Sum(r => r.Responses);
        var suppression = new Suppression(caller.ApiKeyId is not null, options.Value.MinimumGroupSize);
        var suppressed = new List<string>();

        var enrolledCount = figures.Enrolments.Count;
        var enrolled = suppression.Count(enrolledCount, "enrolled", suppressed);
        var hidden = enrolled is null;
        int? Count(int value, string field) => hidden ? null : suppression.Count(value, field, suppressed);

        var things = round.Things.Select(t =>
        {
            var reported = Count(figures.ReportedPerPosition.GetValueOrDefault(t.Position), $"things[{t.Position}].reported");
            return new ThingCompletionDto(t.Id, t.Position, t.Title, t.ReleasedAt, reported, Suppression.Share(reported, enrolledCount));
        }).ToList();

        var byReported = figures.Enrolments.GroupBy(e => e.ThingsReported).ToDictionary(g => g.Key, g => g.Count());
        var standing = round.Things.Select(t => Count(byReported.GetValueOrDefault(t.Position - 1), $"spread.standingAt[{t.Position}]")).ToList();
        var (most, fewest) = byReported.Count == 0 || hidden ? (0, 0) : (byReported.Keys.Max(), byReported.Keys.Min());
        var spread = new RoundSpreadDto(
            standing, Count(byReported.Where(b => b.Key >= round.Things.Count).Sum(b => b.Value), "spread.finished"), most, fewest, most - fewest);

        var weekly = WeeklyReports.Of(figures.ReportsPerDay, Count);

        var feedbackResponses = Count(responses, "feedbackResponses");
        return new RoundStatisticsDto(
            round.Id, round.Title, round.Status, enrolled,
            Count(figures.Enrolments.Count(e => e.HasCompleted), "completed"),
            Count(figures.Enrolments.Count(e => e.LastActiveOn > today.AddDays(-30)), "activeLast30Days"),
            hidden ? null : MedianPace(figures.Enrolments, calendar.Now),
            things, spread, weekly, feedbackResponses, Suppression.Share(feedbackResponses, enrolledCount),
            string.Join(' ', hidden ? ["enrolled", "all"] : suppressed));
    }

    /// <summary>Things per month from each participant's start to their completion, or to now; those who have not begun are left out.</summary>
    private static double? MedianPace(IReadOnlyList<EnrolmentFigures> enrolments, DateTimeOffset now)
    {
        var paces = enrolments
            .Where(e => e.ActivatedAt is not null)
            .Select(e => e.ThingsReported / Math.Max(((e.CompletedAt ?? now) - e.ActivatedAt!.Value).TotalDays / DaysPerMonth, 7 / DaysPerMonth))
            .Order()
            .ToList();
        if (paces.Count == 0)
        {
            return null;
        }

        var middle = paces.Count / 2;
        return Math.Round(paces.Count % 2 == 1 ? paces[middle] : (paces[middle - 1] + paces[middle]) / 2, 2);
    }
}
