using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Application.Participants.Contracts;
using EnSakITaget.Domain.Feedback;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Feedback;

/// <summary>
/// Who reaches a round's survey: whoever runs the round, through their library scope, and its
/// participants, through their enrolment (a pilot's scope does not hold the round). So, once the
/// caller's right to the round is checked, the round's survey and a participant's own answers are
/// read past the library scope, here and nowhere else in the module but its statistics.
/// </summary>
internal sealed class SurveyAccess(IApplicationDbContext db, IRoundDirectory rounds, IParticipantDirectory participants, ICurrentUser caller)
{
    /// <summary>A round the caller runs.</summary>
    public async Task<RoundPlan> RoundIRunAsync(Guid roundId, CancellationToken cancellationToken) =>
        await rounds.FindPlanAsync(roundId, cancellationToken) ?? throw new NotFoundException("Round", roundId);

    /// <summary>A round the caller runs or takes part in, with their own enrolment if they take part (a coordinator may do both).</summary>
    public async Task<(RoundPlan Round, OwnEnrolment? Enrolment)> RoundIRunOrTakePartAsync(Guid roundId, CancellationToken cancellationToken)
    {
        var plans = await rounds.PlansAsync([roundId], cancellationToken);
        if (!plans.TryGetValue(roundId, out var round))
        {
            throw new NotFoundException("Round", roundId);
        }

        var enrolment = await participants.OwnEnrolmentAsync(roundId, cancellationToken);
        return enrolment is not null || caller.RunsTrainingAt(round.HomeLibraryId)
            ? (round, enrolment)
            : throw new NotFoundException("Round", roundId);
    }

    /// <summary>The round's stored survey, once the caller's right to the round is checked.</summary>
    public Task<Survey?> StoredSurveyAsync(Guid roundId, bool tracked, CancellationToken cancellationToken)
    {
        var surveys = db.Surveys.IgnoreQueryFilters().Where(s => s.RoundId == roundId);
        return (tracked ? surveys : surveys.AsNoTracking()).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The phases a participant has answered of a survey, once the caller's right to the round is checked.</summary>
    public async Task<IReadOnlyList<SurveyPhase>> AnsweredPhasesAsync(Guid surveyId, Guid participantId, CancellationToken cancellationToken) =>
        await db.SurveyParticipations.IgnoreQueryFilters()
            .Where(p => p.SurveyId == surveyId && p.StaffMemberId == participantId)
            .Select(p => p.Phase)
            .ToListAsync(cancellationToken);

    /// <summary>Whether a participant has answered a phase of a survey, once the caller's right to the round is checked.</summary>
    public Task<bool> HasAnsweredAsync(Guid surveyId, Guid participantId, SurveyPhase phase, CancellationToken cancellationToken) =>
        db.SurveyParticipations.IgnoreQueryFilters()
            .AnyAsync(p => p.SurveyId == surveyId && p.StaffMemberId == participantId && p.Phase == phase, cancellationToken);

    public async Task<bool> AnyoneCompletedAsync(Guid roundId, CancellationToken cancellationToken) =>
        (await participants.TurnoutAsync(roundId, cancellationToken)).Completed > 0;

    public async Task<bool> HasOpenedAsync(Survey? survey, RoundPlan round, CancellationToken cancellationToken) =>
        survey?.HasOpened(round.IsClosed, await AnyoneCompletedAsync(round.Id, cancellationToken)) ?? round.IsClosed;
}
