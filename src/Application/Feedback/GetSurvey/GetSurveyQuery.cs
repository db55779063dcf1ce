using EnSakITaget.Domain.Feedback;
using Mediator;

namespace EnSakITaget.Application.Feedback.GetSurvey;

/// <summary>The round's survey: for whoever runs it, and for its participants, who also see what they have answered.</summary>
public sealed record GetSurveyQuery(Guid RoundId) : IQuery<SurveyDto>;

internal sealed class GetSurveyQueryHandler(SurveyAccess access) : IQueryHandler<GetSurveyQuery, SurveyDto>
{
    public async ValueTask<SurveyDto> Handle(GetSurveyQuery query, CancellationToken cancellationToken)
    {
        var (round, enrolment) = await access.RoundIRunOrTakePartAsync(query.RoundId, cancellationToken);
        var survey = await access.StoredSurveyAsync(round.Id, tracked: false, cancellationToken);
        MyAnswersDto? mine = null;
        if (enrolment is not null)
        {
            var phases = survey is null
                ? []
                : await access.AnsweredPhasesAsync(survey.Id, enrolment.ParticipantId, cancellationToken);
            mine = new MyAnswersDto(phases.Contains(SurveyPhase.Before), phases.Contains(SurveyPhase.Closing));
        }

        return SurveyViews.ViewOf(round.Id, survey, await access.HasOpenedAsync(survey, round, cancellationToken), mine);
    }
}
