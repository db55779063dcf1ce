using EnSakITaget.Domain.Participants;

namespace EnSakITaget.Domain.UnitTests.Participants;

public sealed class EnrolmentNudgeTests
{
    private static readonly DateTimeOffset Now = new(2010, 3, 1, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private static readonly RoundTerms OpenRound = new(IsOpen: true, IsClosed: false, WorkAheadAllowed: false, ThingCount: 2);
    private static readonly Actor Coordinator = new(Guid.CreateVersion7(), "samordnare@varnamo.example.se");

    private static Enrolment Invited() => Enrolment.Invite(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), isPilot: false, Coordinator, Now);

    [Fact]
    public void A_participant_never_nudged_may_be_nudged_at_once()
    {
        Invited().NudgeHeldBackUntil(Week, Now).ShouldBeNull();
    }

    [Fact]
    public void A_nudge_holds_the_next_back_for_the_interval_and_no_longer()
    {
        var enrolment = Invited();
        enrolment.Nudge(OpenRound, "Hur går det?", Week, Coordinator, Now);

        enrolment.NudgeHeldBackUntil(Week, Now.AddDays(6)).ShouldBe(Now + Week);
        Should.Throw<EnrolmentRuleException>(() => enrolment.Nudge(OpenRound, null, Week, Coordinator, Now.AddDays(6)))
            .Message.ShouldContain("the next nudge is possible from 2010-03-08");
        enrolment.NudgeHeldBackUntil(Week, Now + Week).ShouldBeNull();
        enrolment.Nudge(OpenRound, null, Week, Coordinator, Now + Week);
        enrolment.NudgeCount.ShouldBe(2);
    }
}
