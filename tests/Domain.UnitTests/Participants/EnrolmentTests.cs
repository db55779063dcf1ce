using EnSakITaget.Domain.Participants;

namespace EnSakITaget.Domain.UnitTests.Participants;

/// <summary>An enrolment from invitation to completion or withdrawal, and the progress it takes on the way.</summary>
public sealed class EnrolmentTests
{
    private static readonly DateTimeOffset Now = new(2010, 3, 1, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private static readonly Actor Coordinator = new(Guid.CreateVersion7(), "samordnare@varnamo.example.se");
    private static readonly Actor Anna = new(Guid.CreateVersion7(), "anna.ek@varnamo.example.se");
    private static readonly RoundTerms OpenRound = new(IsOpen: true, IsClosed: false, WorkAheadAllowed: false, ThingCount: 2);
    private static readonly ThingTerms First = new(Guid.CreateVersion7(), 1, "Bloggar", Now.AddDays(-7), new DateOnly(2010, 2, 22));
    private static readonly ThingTerms Second = new(Guid.CreateVersion7(), 2, "Poddar", Now.AddDays(-1), new DateOnly(2010, 2, 28));
    private static readonly ThingTerms Unreleased = new(Guid.CreateVersion7(), 3, "Wikis", null, new DateOnly(2010, 3, 8));
    private static readonly Reflection Lines = new("Jag har startat en blogg.", null);

    private static Enrolment Invited() => Enrolment.Invite(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), isPilot: false, Coordinator, Now.AddDays(-10));

    private static Enrolment Active()
    {
        var enrolment = Invited();
        enrolment.RecordKickOffAttendance(true, Coordinator, Now.AddDays(-9));
        return enrolment;
    }

    private static Enrolment Completed()
    {
        var enrolment = Invited();
        enrolment.Report(OpenRound, First, Lines, Anna, Now.AddDays(-2));
        enrolment.Report(OpenRound, Second, Lines, Anna, Now.AddDays(-1));
        return enrolment;
    }

    private static Enrolment Withdrawn()
    {
        var enrolment = Invited();
        enrolment.Withdraw(Coordinator, Now.AddDays(-5));
        return enrolment;
    }

    [Fact]
    public void An_invitation_starts_the_enrolment_invited_with_an_event()
    {
        var enrolment = Enrolment.Invite(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), isPilot: true, Coordinator, Now);

        (enrolment.Status, enrolment.InvitedAt, enrolment.IsPilot, enrolment.ActivatedAt).ShouldBe((EnrolmentStatus.Invited, Now, true, (DateTimeOffset?)null));
        enrolment.Events.Single().Kind.ShouldBe(ProgressEventKind.Invited);
    }

    [Fact]
    public void Attending_the_kick_off_makes_an_invited_participant_active()
    {
        var enrolment = Invited();

        enrolment.RecordKickOffAttendance(true, Coordinator, Now);

        (enrolment.Status, enrolment.AttendedKickOff, enrolment.ActivatedAt).ShouldBe((EnrolmentStatus.Active, true, (DateTimeOffset?)Now));
        (enrolment.Events[^1].Kind, enrolment.Events[^1].Note).ShouldBe((ProgressEventKind.KickOffRecorded, "attended"));
    }

    [Fact]
    public void Recording_the_same_attendance_again_changes_nothing()
    {
        var enrolment = Active();
        var (events, revision) = (enrolment.Events.Count, enrolment.Revision);

        enrolment.RecordKickOffAttendance(true, Coordinator, Now);

        (enrolment.Events.Count, enrolment.Revision).ShouldBe((events, revision));
    }

    [Fact]
    public void Absence_from_the_kick_off_is_recorded_and_leaves_an_active_participant_active()
    {
        var enrolment = Active();

        enrolment.RecordKickOffAttendance(false, Coordinator, Now);

        (enrolment.Status, enrolment.AttendedKickOff, enrolment.Events[^1].Note).ShouldBe((EnrolmentStatus.Active, false, "absent"));
    }

    [Fact]
    public void The_kick_off_attendance_of_a_withdrawn_participant_is_refused()
    {
        Should.Throw<EnrolmentRuleException>(() => Withdrawn().RecordKickOffAttendance(true, Coordinator, Now)).Message.ShouldContain("has withdrawn");
    }

    [Fact]
    public void Starting_a_thing_makes_the_participant_active_and_counts_as_their_activity()
    {
        var enrolment = Invited();

        var progress = enrolment.Start(OpenRound, First, Anna, Now);

        (progress.Status, progress.StartedAt, progress.Position, progress.ThingId).ShouldBe((ThingProgressStatus.Started, Now, 1, First.Id));
        (enrolment.Status, enrolment.ActivatedAt, enrolment.LastActivityAt).ShouldBe((EnrolmentStatus.Active, (DateTimeOffset?)Now, (DateTimeOffset?)Now));
        (enrolment.Events[^1].Kind, enrolment.Events[^1].ThingId).ShouldBe((ProgressEventKind.Started, (Guid?)First.Id));
        progress.Reflection.ShouldBeNull();
    }

    [Fact]
    public void Starting_a_thing_again_changes_nothing()
    {
        var enrolment = Invited();
        var progress = enrolment.Start(OpenRound, First, Anna, Now);
        var (events, revision) = (enrolment.Events.Count, enrolment.Revision);

        enrolment.Start(OpenRound, First, Anna, Now.AddHours(1)).ShouldBeSameAs(progress);

        (enrolment.Events.Count, enrolment.Revision, enrolment.LastActivityAt, progress.StartedAt).ShouldBe((events, revision, (DateTimeOffset?)Now, Now));
    }

    [Fact]
    public void A_closed_round_takes_no_more_progress()
    {
        var closed = OpenRound with { IsClosed = true };

        Should.Throw<EnrolmentRuleException>(() => Active().Start(closed, First, Anna, Now)).Message.ShouldContain("The round is closed");
        Should.Throw<EnrolmentRuleException>(() => Active().Report(closed, First, Lines, Anna, Now)).Message.ShouldContain("The round is closed");
    }

    [Fact]
    public void A_round_that_has_not_opened_takes_no_progress()
    {
        var draft = OpenRound with { IsOpen = false };

        Should.Throw<EnrolmentRuleException>(() => Invited().Start(draft, First, Anna, Now)).Message.ShouldContain("has not opened yet");
        Should.Throw<EnrolmentRuleException>(() => Invited().Report(draft, First, Lines, Anna, Now)).Message.ShouldContain("has not opened yet");
    }

    [Fact]
    public void A_withdrawn_participant_can_neither_start_nor_report()
    {
        Should.Throw<EnrolmentRuleException>(() => Withdrawn().Start(OpenRound, First, Anna, Now)).Message.ShouldContain("enrol them again first");
        Should.Throw<EnrolmentRuleException>(() => Withdrawn().Report(OpenRound, First, Lines, Anna, Now)).Message.ShouldContain("enrol them again first");
    }

    [Fact]
    public void A_thing_not_yet_released_is_refused_with_its_planned_day_when_the_round_does_not_allow_working_ahead()
    {
        var enrolment = Active();

        var refusal = Should.Throw<EnrolmentRuleException>(() => enrolment.Start(OpenRound, Unreleased, Anna, Now)).Message;

        refusal.ShouldBe("Thing 3 (Wikis) is not released yet; it is planned for 2010-03-08, and this round does not allow working ahead.");
        Should.Throw<EnrolmentRuleException>(() => enrolment.Report(OpenRound, Unreleased, Lines, Anna, Now));
        enrolment.Progress.ShouldBeEmpty();
    }

    [Fact]
    public void A_thing_not_yet_released_and_not_planned_is_refused_without_a_day()
    {
        var unplanned = Unreleased with { PlannedDate = null };

        Should.Throw<EnrolmentRuleException>(() => Active().Start(OpenRound, unplanned, Anna, Now)).Message
            .ShouldBe("Thing 3 (Wikis) is not released yet, and this round does not allow working ahead.");
    }

    [Fact]
    public void A_round_that_allows_working_ahead_takes_a_thing_not_yet_released()
    {
        var enrolment = Active();

        enrolment.Report(OpenRound with { WorkAheadAllowed = true }, Unreleased, Lines, Anna, Now).Status.ShouldBe(ThingProgressStatus.Reported);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("   ", null)]
    [InlineData(null, " ")]
    [InlineData("\n", "\t")]
    public void A_report_without_a_reflection_is_refused_and_changes_nothing(string? text, string? link)
    {
        var enrolment = Active();
        var events = enrolment.Events.Count;

        Should.Throw<MissingReflectionException>(() => enrolment.Report(OpenRound, First, new Reflection(text, link), Anna, Now)).Message
            .ShouldContain("A report needs a reflection");

        (enrolment.Progress.Count, enrolment.Events.Count, enrolment.ThingsReported).ShouldBe((0, events, 0));
    }

    [Fact]
    public void A_report_starts_the_thing_if_needed_and_keeps_the_reflection_trimmed()
    {
        var enrolment = Invited();

        var progress = enrolment.Report(OpenRound, First, new Reflection("  Jag bloggar.  ", " https://anna.example.se/1 "), Anna, Now);

        (progress.Status, progress.StartedAt, progress.ReportedAt).ShouldBe((ThingProgressStatus.Reported, Now, (DateTimeOffset?)Now));
        progress.Reflection.ShouldBe(new Reflection("Jag bloggar.", "https://anna.example.se/1"));
        enrolment.Events.Select(e => e.Kind).ShouldBe([ProgressEventKind.Invited, ProgressEventKind.Started, ProgressEventKind.Reported]);
        (enrolment.Events[^1].Note, enrolment.Events[^1].Link).ShouldBe(("Jag bloggar.", "https://anna.example.se/1"));
        (enrolment.Status, enrolment.ThingsReported, enrolment.LastActivityAt).ShouldBe((EnrolmentStatus.Active, 1, (DateTimeOffset?)Now));
    }

    [Fact]
    public void A_link_alone_is_a_reflection()
    {
        Active().Report(OpenRound, First, new Reflection(null, "https://anna.example.se/1"), Anna, Now).Reflection!.Text.ShouldBeNull();
    }

    [Fact]
    public void The_same_report_again_changes_nothing_even_with_other_spaces_around_it()
    {
        var enrolment = Active();
        enrolment.Report(OpenRound, First, Lines, Anna, Now);
        var (events, revision) = (enrolment.Events.Count, enrolment.Revision);

        enrolment.Report(OpenRound, First, new Reflection($"  {Lines.Text} ", "  "), Anna, Now.AddHours(1));

        (enrolment.Events.Count, enrolment.Revision, enrolment.ThingsReported, enrolment.LastActivityAt).ShouldBe((events, revision, 1, (DateTimeOffset?)Now));
    }

    [Fact]
    public void A_different_reflection_replaces_the_first_keeps_the_first_report_day_and_counts_once()
    {
        var enrolment = Active();
        enrolment.Report(OpenRound, First, Lines, Anna, Now);

        var progress = enrolment.Report(OpenRound, First, new Reflection("Bättre formulerat.", null), Anna, Now.AddDays(1));

        (progress.ReflectionText, progress.ReportedAt).ShouldBe(("Bättre formulerat.", (DateTimeOffset?)Now));
        (enrolment.ThingsReported, enrolment.LastActivityAt).ShouldBe((1, (DateTimeOffset?)Now.AddDays(1)));
        (enrolment.Events[^1].Kind, enrolment.Events[^1].Note).ShouldBe((ProgressEventKind.ReflectionRevised, "Bättre formulerat."));
    }

    [Fact]
    public void Reporting_the_last_thing_completes_the_enrolment_once()
    {
        var enrolment = Active();
        enrolment.Report(OpenRound, First, Lines, Anna, Now);
        enrolment.Status.ShouldBe(EnrolmentStatus.Active);

        enrolment.Report(OpenRound, Second, Lines, Anna, Now.AddDays(1));

        (enrolment.Status, enrolment.CompletedAt, enrolment.ThingsReported).ShouldBe((EnrolmentStatus.Completed, (DateTimeOffset?)Now.AddDays(1), 2));
        enrolment.Events[^1].Kind.ShouldBe(ProgressEventKind.Completed);

        enrolment.Report(OpenRound, Second, new Reflection("Ändrad.", null), Anna, Now.AddDays(2));

        (enrolment.CompletedAt, enrolment.Events.Count(e => e.Kind == ProgressEventKind.Completed)).ShouldBe(((DateTimeOffset?)Now.AddDays(1), 1));
    }

    [Fact]
    public void A_completed_participant_cannot_withdraw()
    {
        var enrolment = Completed();

        Should.Throw<EnrolmentRuleException>(() => enrolment.Withdraw(Coordinator, Now)).Message.ShouldContain("has completed the round");

        enrolment.Status.ShouldBe(EnrolmentStatus.Completed);
    }

    [Fact]
    public void Withdrawing_is_recorded_once()
    {
        var enrolment = Active();

        enrolment.Withdraw(Coordinator, Now);
        enrolment.Withdraw(Coordinator, Now.AddDays(1));

        (enrolment.Status, enrolment.WithdrawnAt).ShouldBe((EnrolmentStatus.Withdrawn, (DateTimeOffset?)Now));
        enrolment.Events.Count(e => e.Kind == ProgressEventKind.Withdrawn).ShouldBe(1);
    }

    [Fact]
    public void Enrolling_again_someone_who_withdrew_before_taking_part_makes_them_invited()
    {
        var enrolment = Withdrawn();

        enrolment.Reinvite(Coordinator, Now).ShouldBeTrue();

        (enrolment.Status, enrolment.WithdrawnAt, enrolment.InvitedAt).ShouldBe((EnrolmentStatus.Invited, (DateTimeOffset?)null, Now));
        enrolment.Events[^1].Kind.ShouldBe(ProgressEventKind.Reinvited);
    }

    [Fact]
    public void Enrolling_again_someone_who_withdrew_after_taking_part_makes_them_active_with_their_progress()
    {
        var enrolment = Invited();
        enrolment.Report(OpenRound, First, Lines, Anna, Now.AddDays(-3));
        enrolment.Withdraw(Coordinator, Now.AddDays(-2));

        enrolment.Reinvite(Coordinator, Now).ShouldBeTrue();

        (enrolment.Status, enrolment.ThingsReported).ShouldBe((EnrolmentStatus.Active, 1));
        enrolment.Report(OpenRound, Second, Lines, Anna, Now).ShouldNotBeNull();
        enrolment.Status.ShouldBe(EnrolmentStatus.Completed);
    }

    [Fact]
    public void Enrolling_again_someone_who_has_not_withdrawn_changes_nothing()
    {
        foreach (var enrolment in new[] { Invited(), Active(), Completed() })
        {
            var (status, events) = (enrolment.Status, enrolment.Events.Count);

            enrolment.Reinvite(Coordinator, Now).ShouldBeFalse();

            (enrolment.Status, enrolment.Events.Count).ShouldBe((status, events));
        }
    }

    [Fact]
    public void Only_a_reported_thing_can_be_acknowledged()
    {
        var enrolment = Active();
        Should.Throw<EnrolmentRuleException>(() => enrolment.Acknowledge(First.Id, null, Coordinator, Now)).Message.ShouldContain("has not reported this thing yet");
        enrolment.Start(OpenRound, First, Anna, Now);

        Should.Throw<EnrolmentRuleException>(() => enrolment.Acknowledge(First.Id, null, Coordinator, Now)).Message.ShouldContain("no reflection to acknowledge");
    }

    [Fact]
    public void An_acknowledgement_keeps_who_when_and_the_trimmed_comment()
    {
        var enrolment = Active();
        enrolment.Report(OpenRound, First, Lines, Anna, Now);

        var progress = enrolment.Acknowledge(First.Id, "  Fint!  ", Coordinator, Now.AddDays(1));

        (progress.AcknowledgedAt, progress.AcknowledgedBy, progress.AcknowledgementComment).ShouldBe(((DateTimeOffset?)Now.AddDays(1), Coordinator.Name, "Fint!"));
        (enrolment.Events[^1].Kind, enrolment.Events[^1].Note, enrolment.Events[^1].ThingId).ShouldBe((ProgressEventKind.Acknowledged, "Fint!", (Guid?)First.Id));
    }

    [Fact]
    public void An_acknowledgement_with_a_blank_comment_has_no_comment_and_repeating_it_changes_nothing()
    {
        var enrolment = Active();
        enrolment.Report(OpenRound, First, Lines, Anna, Now);
        enrolment.Acknowledge(First.Id, "   ", Coordinator, Now).AcknowledgementComment.ShouldBeNull();
        var (events, revision) = (enrolment.Events.Count, enrolment.Revision);

        var again = enrolment.Acknowledge(First.Id, null, Coordinator, Now.AddDays(1));

        (again.AcknowledgedAt, enrolment.Events.Count, enrolment.Revision).ShouldBe(((DateTimeOffset?)Now, events, revision));
    }

    [Fact]
    public void Another_comment_acknowledges_again()
    {
        var enrolment = Active();
        enrolment.Report(OpenRound, First, Lines, Anna, Now);
        enrolment.Acknowledge(First.Id, "Fint!", Coordinator, Now);

        var again = enrolment.Acknowledge(First.Id, "Riktigt fint!", Coordinator, Now.AddDays(1));

        (again.AcknowledgedAt, again.AcknowledgementComment).ShouldBe(((DateTimeOffset?)Now.AddDays(1), "Riktigt fint!"));
        enrolment.Events.Count(e => e.Kind == ProgressEventKind.Acknowledged).ShouldBe(2);
    }

    [Fact]
    public void A_nudge_is_counted_and_keeps_its_message_trimmed_or_none_when_blank()
    {
        var enrolment = Active();

        enrolment.Nudge(OpenRound, "  Hur går det?  ", Week, Coordinator, Now);
        enrolment.Nudge(OpenRound, "  ", Week, Coordinator, Now + Week);

        (enrolment.NudgeCount, enrolment.LastNudgedAt).ShouldBe((2, (DateTimeOffset?)(Now + Week)));
        enrolment.Events.Where(e => e.Kind == ProgressEventKind.Nudged).Select(e => e.Note).ShouldBe(["Hur går det?", null]);
    }

    [Fact]
    public void No_one_is_nudged_about_a_closed_round()
    {
        Should.Throw<EnrolmentRuleException>(() => Invited().Nudge(OpenRound with { IsOpen = false, IsClosed = true }, null, Week, Coordinator, Now))
            .Message.ShouldContain("round is closed");
    }

    [Fact]
    public void A_withdrawn_or_completed_participant_is_not_nudged()
    {
        Should.Throw<EnrolmentRuleException>(() => Withdrawn().Nudge(OpenRound, null, Week, Coordinator, Now)).Message.ShouldContain("has withdrawn");
        Should.Throw<EnrolmentRuleException>(() => Completed().Nudge(OpenRound, null, Week, Coordinator, Now)).Message.ShouldContain("nothing to nudge them about");
    }

    [Fact]
    public void A_refused_nudge_changes_nothing()
    {
        var enrolment = Active();
        enrolment.Nudge(OpenRound, null, Week, Coordinator, Now);
        var (events, revision) = (enrolment.Events.Count, enrolment.Revision);

        Should.Throw<EnrolmentRuleException>(() => enrolment.Nudge(OpenRound, null, Week, Coordinator, Now.AddDays(1)));

        (enrolment.NudgeCount, enrolment.Events.Count, enrolment.Revision).ShouldBe((1, events, revision));
    }

    [Fact]
    public void The_calendar_days_follow_the_moments_they_are_the_days_of()
    {
        var enrolment = Invited();
        enrolment.KeepCalendarDays(moment => DateOnly.FromDateTime(moment.UtcDateTime));
        (enrolment.CompletedOn, enrolment.LastActiveOn).ShouldBe((null, null));
        enrolment.Report(OpenRound, First, Lines, Anna, Now.AddDays(-1));
        enrolment.Report(OpenRound, Second, Lines, Anna, Now);

        enrolment.KeepCalendarDays(moment => DateOnly.FromDateTime(moment.UtcDateTime));

        (enrolment.InvitedOn, enrolment.CompletedOn, enrolment.LastActiveOn)
            .ShouldBe((new DateOnly(2010, 2, 19), (DateOnly?)new DateOnly(2010, 3, 1), (DateOnly?)new DateOnly(2010, 3, 1)));
    }

    [Fact]
    public void Every_change_moves_the_revision_so_that_of_two_concurrent_reports_only_one_counts()
    {
        var enrolment = Invited();
        var revisions = new List<int> { enrolment.Revision };

        enrolment.RecordKickOffAttendance(true, Coordinator, Now);
        revisions.Add(enrolment.Revision);
        enrolment.Report(OpenRound, First, Lines, Anna, Now);
        revisions.Add(enrolment.Revision);
        enrolment.Acknowledge(First.Id, null, Coordinator, Now);
        revisions.Add(enrolment.Revision);
        enrolment.Nudge(OpenRound, null, Week, Coordinator, Now);
        revisions.Add(enrolment.Revision);

        revisions.ShouldBeInOrder(SortDirection.Ascending);
        revisions.Distinct().Count().ShouldBe(revisions.Count);
    }
}
