using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Participants.Contracts;
using EnSakITaget.Domain.Feedback;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Application.Feedback.GetSurveySummary;

/// <summary>What the round's participants answered: response rate, ratings, choices, texts, and the change in self-assessment.</summary>
public sealed record GetSurveySummaryQuery(Guid RoundId) : IQuery<SurveySummaryDto>;

internal sealed class GetSurveySummaryQueryHandler(
    IApplicationDbContext db, SurveyAccess access, IParticipantDirectory participants, IOptions<FeedbackOptions> options)
    : IQueryHandler<GetSurveySummaryQuery, SurveySummaryDto>
{
    public async ValueTask<SurveySummaryDto> Handle(GetSurveySummaryQuery query, CancellationToken cancellationToken)
    {
        var round = await access.RoundIRunAsync(query.RoundId, cancellationToken);
        var survey = await access.StoredSurveyAsync(round.Id, tracked: false, cancellationToken);
        var responses = survey is null
            ? []
            : await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == survey.Id).ToListAsync(cancellationToken);
        var anonymous = survey?.IsAnonymous ?? true;
        var names = anonymous
            ? new Dictionary<Guid, string>()
            : await participants.NamesAsync([.. responses.Where(r => r.RespondentId is not null).Select(r => r.RespondentId!.Value)], cancellationToken);
        var questions = survey?.Questions.Select(q => q.Content).ToList() ?? [.. Survey.DefaultQuestions];
        var turnout = await participants.TurnoutAsync(round.Id, cancellationToken);
        return new SurveySummaryBuilder(options.Value.MinimumGroupSize, anonymous)
            .Build(round.Id, round.CourseId, rounds: 1, turnout.Enrolled, questions, responses, names);
    }
}
