using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Application.Statistics.Contracts;
using EnSakITaget.Domain.Feedback;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Application.Feedback.GetCourseSurveySummary;

/// <summary>
/// For a county: the surveys of every round of a course in the caller's libraries, added up by
/// question. Texts come without names, and in an anonymous survey small groups are held back.
/// </summary>
public sealed record GetCourseSurveySummaryQuery(Guid CourseId) : IQuery<SurveySummaryDto>;

internal sealed class GetCourseSurveySummaryQueryHandler(
    IApplicationDbContext db, IRoundDirectory rounds, IParticipationStatistics participation, IOptions<FeedbackOptions> options)
    : IQueryHandler<GetCourseSurveySummaryQuery, SurveySummaryDto>
{
    public async ValueTask<SurveySummaryDto> Handle(GetCourseSurveySummaryQuery query, CancellationToken cancellationToken)
    {
        if (!await rounds.IsCourseVisibleAsync(query.CourseId, cancellationToken))
        {
            throw new NotFoundException("Course", query.CourseId);
        }

        var surveys = await db.Surveys.AsNoTracking().Where(s => s.CourseId == query.CourseId).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var ids = surveys.Select(s => s.Id).ToArray();
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => ids.Contains(r.SurveyId)).ToListAsync(cancellationToken);
        var enrolled = (await participation.EnrolledPerRoundAsync([.. surveys.Select(s => s.RoundId)], cancellationToken)).Values.Sum();

        var questions = surveys.SelectMany(s => s.Questions.Select(q => q.Content)).DistinctBy(q => q.Id).ToList();
        // Across rounds the summary speaks for the county: no names, and the anonymous rule for all.
        return new SurveySummaryBuilder(options.Value.MinimumGroupSize, anonymous: true)
            .Build(null, query.CourseId, surveys.Count, enrolled, questions.Count > 0 ? questions : [.. Survey.DefaultQuestions], responses, new Dictionary<Guid, string>());
    }
}
