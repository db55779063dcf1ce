using EnSakITaget.Domain.Participants;

namespace EnSakITaget.Domain.UnitTests.Participants;

/// <summary>A member of staff who leaves: off the roster, out of the rounds not completed, never deleted while they have a history.</summary>
public sealed class StaffLeavingTests
{
    private static readonly DateTimeOffset Now = new(2010, 5, 3, 9, 0, 0, TimeSpan.FromHours(2));
    private static readonly DateOnly Today = new(2010, 5, 3);
    private static readonly Actor Coordinator = new(Guid.CreateVersion7(), "Karin Samordnare");
    private static readonly RoundTerms OpenRound = new(IsOpen: true, IsClosed: false, WorkAheadAllowed: false, ThingCount: 1);
    private static readonly ThingTerms OnlyThing = new(Guid.CreateVersion7(), 1, "Bloggar", Now.AddDays(-30), null);

    private static StaffMember Anna() =>
        StaffMember.Register(new StaffDetails("Anna Ek", "anna.ek@varnamo.example.se", Guid.CreateVersion7(), "Bibliotekarie", IsManager: false), Now.AddYears(-1));

    private static Enrolment Enrolled(StaffMember member) =>
        Enrolment.Invite(Guid.CreateVersion7(), Guid.CreateVersion7(), member.Id, isPilot: false, Coordinator, Now.AddDays(-60));

    [Fact]
    public void Leaving_records_the_day_and_a_day_past_is_accepted()
    {
        var anna = Anna();

        anna.Leave(Today.AddDays(-14), Today, Now).ShouldBeTrue();

        anna.LeftOn.ShouldBe(Today.AddDays(-14));
        anna.UpdatedAt.ShouldBe(Now);
    }

    [Fact]
    public void Leaving_on_a_day_still_to_come_is_refused()
    {
        var anna = Anna();

        Should.Throw<StaffRuleException>(() => anna.Leave(Today.AddDays(1), Today, Now)).Message.ShouldContain("has not left yet");

        anna.LeftOn.ShouldBeNull();
    }

    [Fact]
    public void Leaving_again_on_the_same_day_changes_nothing_and_another_day_corrects_it()
    {
        var anna = Anna();
        anna.Leave(Today, Today, Now);

        anna.Leave(Today, Today, Now.AddHours(1)).ShouldBeFalse();
        anna.UpdatedAt.ShouldBe(Now);
        anna.Leave(Today.AddDays(-1), Today, Now.AddHours(2)).ShouldBeTrue();
        anna.LeftOn.ShouldBe(Today.AddDays(-1));
    }

    [Fact]
    public void A_return_puts_someone_who_left_back_on_the_staff()
    {
        var anna = Anna();
        anna.Leave(Today, Today, Now);

        anna.Return(Now.AddDays(1)).ShouldBeTrue();

        anna.LeftOn.ShouldBeNull();
        anna.Return(Now.AddDays(2)).ShouldBeFalse();
    }

    [Fact]
    public void Someone_who_has_left_cannot_be_enrolled()
    {
        var anna = Anna();
        Should.NotThrow(anna.EnsureMayBeEnrolled);
        anna.Leave(Today, Today, Now);

        Should.Throw<StaffRuleException>(anna.EnsureMayBeEnrolled).Message.ShouldContain("left the staff on 2010-05-03");
    }

    [Fact]
    public void A_member_of_staff_with_enrolments_cannot_be_deleted_and_is_told_to_record_the_leaving()
    {
        var anna = Anna();
        Should.NotThrow(() => anna.EnsureMayBeDeleted(enrolments: 0));

        var refusal = Should.Throw<StaffRuleException>(() => anna.EnsureMayBeDeleted(enrolments: 2)).Message;

        refusal.ShouldContain("Anna Ek has been enrolled in 2 rounds");
        refusal.ShouldContain("Record the day they left instead (leftOn)");
    }

    [Fact]
    public void Leaving_ends_an_enrolment_not_completed_as_a_withdrawal_with_the_day_in_its_history()
    {
        var anna = Anna();
        var enrolment = Enrolled(anna);

        enrolment.EndForLeaving(Today, Coordinator, Now).ShouldBeTrue();

        (enrolment.Status, enrolment.WithdrawnAt).ShouldBe((EnrolmentStatus.Withdrawn, Now));
        var ended = enrolment.Events[^1];
        (ended.Kind, ended.Note, ended.ActorName).ShouldBe((ProgressEventKind.Withdrawn, "Left the staff on 2010-05-03.", "Karin Samordnare"));
    }

    [Fact]
    public void Leaving_keeps_a_completed_enrolment_completed()
    {
        var anna = Anna();
        var enrolment = Enrolled(anna);
        enrolment.Report(OpenRound, OnlyThing, new Reflection("Jag bloggar nu.", null), new Actor(null, "Anna Ek"), Now.AddDays(-1));
        var events = enrolment.Events.Count;

        enrolment.EndForLeaving(Today, Coordinator, Now).ShouldBeFalse();

        enrolment.Status.ShouldBe(EnrolmentStatus.Completed);
        enrolment.Events.Count.ShouldBe(events);
    }

    [Fact]
    public void Leaving_leaves_a_withdrawn_enrolment_as_it_was()
    {
        var anna = Anna();
        var enrolment = Enrolled(anna);
        enrolment.Withdraw(Coordinator, Now.AddDays(-5));

        enrolment.EndForLeaving(Today, Coordinator, Now).ShouldBeFalse();

        enrolment.WithdrawnAt.ShouldBe(Now.AddDays(-5));
    }
}
