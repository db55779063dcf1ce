using EnSakITaget.Web.Common.Api;
using EnSakITaget.Web.Participants;

namespace EnSakITaget.Web.ComponentTests.Participants;

/// <summary>The round page's survey link follows the survey's own opening rule, as the API checks it.</summary>
public sealed class SurveyAvailabilityTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Theory]
    [InlineData(SurveyOpening.RoundClosed, RoundStatus.Open, EnrolmentStatus.Completed, false)]
    [InlineData(SurveyOpening.ParticipantCompleted, RoundStatus.Open, EnrolmentStatus.Completed, true)]
    [InlineData(SurveyOpening.ParticipantCompleted, RoundStatus.Open, EnrolmentStatus.Active, false)]
    [InlineData(SurveyOpening.RoundClosed, RoundStatus.Closed, EnrolmentStatus.Active, true)]
    [InlineData(SurveyOpening.RoundClosed, RoundStatus.Closed, EnrolmentStatus.Withdrawn, false)]
    public void The_survey_is_open_to_a_participant_by_its_opening_rule(SurveyOpening opens, RoundStatus roundStatus, EnrolmentStatus mine, bool open) =>
        SurveyAvailability.IsOpenTo(Round(roundStatus, mine), Survey(opens, closesOn: null), Today).ShouldBe(open);

    [Fact]
    public void The_survey_is_closed_after_its_last_day_and_open_on_it()
    {
        var round = Round(RoundStatus.Closed, EnrolmentStatus.Completed);

        SurveyAvailability.IsOpenTo(round, Survey(SurveyOpening.RoundClosed, closesOn: Today), Today).ShouldBeTrue();
        SurveyAvailability.IsOpenTo(round, Survey(SurveyOpening.RoundClosed, closesOn: Today.AddDays(-1)), Today).ShouldBeFalse();
    }

    [Fact]
    public void The_round_page_asks_for_the_survey_only_where_it_can_be_open()
    {
        SurveyAvailability.MayBeOpen(Round(RoundStatus.Open, EnrolmentStatus.Active)).ShouldBeFalse();
        SurveyAvailability.MayBeOpen(Round(RoundStatus.Open, EnrolmentStatus.Completed)).ShouldBeTrue();
        SurveyAvailability.MayBeOpen(Round(RoundStatus.Closed, EnrolmentStatus.Active)).ShouldBeTrue();
    }

    private static MyRoundDto Round(RoundStatus roundStatus, EnrolmentStatus mine) => new() { RoundStatus = roundStatus, Status = mine };

    private static SurveyDto Survey(SurveyOpening opens, DateOnly? closesOn) => new() { OpensWhen = opens, ClosesOn = closesOn };
}
