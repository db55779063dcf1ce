using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Domain.Feedback;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Feedback.GetSurvey;

/// <summary>The round's survey: for whoever runs it, and for its participants, who also see what they have answered.</summary>
public sealed record GetSurveyQuery(Guid RoundId) : IQuery<SurveyDto>;

internal sealed class GetSurveyQueryHandler(IApplicationDbContext db, SurveyAccess access) : IQueryHandler<GetSurveyQuery, SurveyDto>
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
                : await db.SurveyParticipations.IgnoreQueryFilters()
                    .Where(p => p.SurveyId == survey.Id && p.StaffMemberId == enrolment.ParticipantId)
                    .Select(p => p.Phase)
                    .ToListAsync(cancellationToken);
            mine = new MyAnswersDto(phases.Contains(SurveyPhase.Before), phases.Contains(SurveyPhase.Closing));
        }

        return SurveyViews.ViewOf(round.Id, survey, await access.HasOpenedAsync(survey, round, cancellationToken), mine);
    }
}
