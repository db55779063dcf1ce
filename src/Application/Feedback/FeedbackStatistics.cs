using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Statistics.Contracts;
using EnSakITaget.Domain.Feedback;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Feedback;

/// <summary>
/// The Feedback module's figures for statistics: closing responses per round, attributed to the
/// round's home library. A source of the statistics read model, it reads past the library scope:
/// the Statistics module has decided which rounds the figures may cover and shows them only where
/// the caller may see them, suppressing small counts.
/// </summary>
internal sealed class FeedbackStatistics(IApplicationDbContext db) : IFeedbackStatistics
{
    public async Task<IReadOnlyList<RoundResponses>> ResponsesPerRoundAsync(
        StatisticsPeriod period, IReadOnlyCollection<Guid>? roundIds, CancellationToken cancellationToken)
    {
        var (from, to) = (period.From ?? DateOnly.MinValue, period.To);
        var surveys = db.Surveys.IgnoreQueryFilters().AsNoTracking();
        if (roundIds is not null)
        {
            var ids = roundIds.ToArray();
            surveys = surveys.Where(s => ids.Contains(s.RoundId));
        }

        var responses = db.SurveyResponses.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.Phase == SurveyPhase.Closing && r.SubmittedOn >= from && r.SubmittedOn <= to);
        return await surveys
            .GroupJoin(responses, s => s.Id, r => r.SurveyId, (s, rs) => new RoundResponses(s.RoundId, s.RoundLibraryId, rs.Count()))
            .ToListAsync(cancellationToken);
    }
}
