using EnSakITaget.Web.Common.Api;

namespace EnSakITaget.Web.Participants;

/// <summary>
/// Whether a participant may answer a round's closing survey today, by the survey's own rule (as the API
/// checks it): not after its last day, never after withdrawing, for everyone once the round has closed,
/// and before that only where the survey opens on completing and the participant has completed.
/// </summary>
public static class SurveyAvailability
{
    public static bool IsOpenTo(MyRoundDto round, SurveyDto survey, DateOnly today) =>
        round.Status != EnrolmentStatus.Withdrawn
        && (survey.ClosesOn is not { } last || today <= last)
        && (round.RoundStatus == RoundStatus.Closed
            || (survey.OpensWhen == SurveyOpening.ParticipantCompleted && round.Status == EnrolmentStatus.Completed));

    /// <summary>Whether the survey can be open at all, before asking the API for it: after the round, or on completing.</summary>
    public static bool MayBeOpen(MyRoundDto round) =>
        round.Status != EnrolmentStatus.Withdrawn
        && (round.RoundStatus == RoundStatus.Closed || round.Status == EnrolmentStatus.Completed);
}
