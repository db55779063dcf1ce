using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Courses;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Participants;
using EnSakITaget.Application.Participants.EnrolParticipants;
using EnSakITaget.Application.Participants.GetManagerParticipation;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Domain.Participants;

namespace EnSakITaget.Api.IntegrationTests.Participants;

/// <summary>Staff who leave come off the roster and out of their rounds, and their history stays.</summary>
public sealed class StaffLeavingTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Url = "/api/v1/participants";

    [Fact]
    public async Task Deleting_a_member_of_staff_who_has_been_enrolled_answers_409_with_the_reason_and_the_way_out_and_deletes_nothing()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var before = await SnapshotDataAsync();

        var problem = await (await Client.DeleteAsync($"{Url}/{anna.Id}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var detail = problem.GetProperty("detail").GetString()!;
        detail.ShouldContain("Anna Ek has been enrolled in 1 round");
        detail.ShouldContain("leftOn");
        detail.ShouldNotContain("retry");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_member_of_staff_who_leaves_is_withdrawn_from_the_round_and_keeps_the_history()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        await anna.ReportAsync(round, 1, "Jag har skapat ett konto.");
        var leftOn = Factory.Clock.Today();

        var left = await (await Client.PutJsonAsync($"{Url}/{anna.Id}/leaving", new { leftOn }))
            .ShouldBeAsync<StaffMemberDto>(HttpStatusCode.OK);

        left.LeftOn.ShouldBe(leftOn);
        var enrolment = (await EnrolmentsAsync(round)).ShouldHaveSingleItem();
        enrolment.Status.ShouldBe(EnrolmentStatus.Withdrawn);
        var history = (await Client.HistoryAsync(round, anna.Id)).Items;
        history.Select(e => e.Kind).ShouldBe([ProgressEventKind.Invited, ProgressEventKind.Started, ProgressEventKind.Reported, ProgressEventKind.Withdrawn]);
        history[^1].Note.ShouldBe($"Left the staff on {leftOn:yyyy-MM-dd}.");
        history[2].Note.ShouldBe("Jag har skapat ett konto.");
        (await Client.GetAsync($"{Url}/{anna.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK, "the record stays");
    }

    [Fact]
    public async Task Recording_the_same_leaving_twice_changes_nothing_the_second_time()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var leaving = new { leftOn = Factory.Clock.Today() };
        await (await Client.PutJsonAsync($"{Url}/{anna.Id}/leaving", leaving)).ShouldBeAsync<StaffMemberDto>(HttpStatusCode.OK);
        var before = await SnapshotDataAsync();

        await (await Client.PutJsonAsync($"{Url}/{anna.Id}/leaving", leaving)).ShouldBeAsync<StaffMemberDto>(HttpStatusCode.OK);

        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_roster_shows_current_staff_only_unless_those_who_left_are_asked_for()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek", enrol: false);
        await round.EnrolAsync("Bo Ström", enrol: false);
        await (await Client.PutJsonAsync($"{Url}/{anna.Id}/leaving", new { leftOn = Factory.Clock.Today().AddDays(-3) }))
            .ShouldBeAsync<StaffMemberDto>(HttpStatusCode.OK);

        var current = await (await Client.GetAsync(Url)).ShouldBeAsync<PagedList<StaffMemberDto>>(HttpStatusCode.OK);
        var everyone = await (await Client.GetAsync($"{Url}?includeLeft=true")).ShouldBeAsync<PagedList<StaffMemberDto>>(HttpStatusCode.OK);

        current.Items.Select(s => s.Name).ShouldBe(["Bo Ström"]);
        current.TotalCount.ShouldBe(1);
        everyone.Items.Select(s => (s.Name, s.LeftOn)).ShouldBe([("Anna Ek", Factory.Clock.Today().AddDays(-3)), ("Bo Ström", null)]);
    }

    [Fact]
    public async Task A_leaving_day_still_to_come_is_refused_and_changes_nothing()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var before = await SnapshotDataAsync();

        var problem = await (await Client.PutJsonAsync($"{Url}/{anna.Id}/leaving", new { leftOn = Factory.Clock.Today().AddDays(1) }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem.GetProperty("detail").GetString()!.ShouldContain("has not left yet");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_leaving_without_a_day_answers_400_naming_left_on()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek", enrol: false);

        await (await Client.PutJsonAsync($"{Url}/{anna.Id}/leaving", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "leftOn");
    }

    [Fact]
    public async Task Someone_who_has_left_cannot_be_enrolled_until_their_return_is_recorded()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        await (await Client.PutJsonAsync($"{Url}/{anna.Id}/leaving", new { leftOn = Factory.Clock.Today() })).ShouldBeAsync<StaffMemberDto>(HttpStatusCode.OK);
        var before = await SnapshotDataAsync();

        var refused = await (await Client.PostJsonAsync($"{round.Url}/enrolments", new { participantIds = new[] { anna.Id } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await SnapshotDataAsync()).ShouldBe(before);
        var back = await (await Client.DeleteAsync($"{Url}/{anna.Id}/leaving")).ShouldBeAsync<StaffMemberDto>(HttpStatusCode.OK);
        var enrolled = await (await Client.PostJsonAsync($"{round.Url}/enrolments", new { participantIds = new[] { anna.Id } }))
            .ShouldBeAsync<EnrolmentReport>(HttpStatusCode.OK);

        refused.GetProperty("detail").GetString()!.ShouldContain("Anna Ek left the staff on");
        back.LeftOn.ShouldBeNull();
        enrolled.Enrolled.ShouldBe(1);
        (await EnrolmentsAsync(round)).ShouldHaveSingleItem().Status.ShouldNotBe(EnrolmentStatus.Withdrawn);
    }

    [Fact]
    public async Task Enrolling_a_whole_library_leaves_out_those_who_have_left()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek", enrol: false);
        await round.EnrolAsync("Bo Ström", enrol: false);
        await (await Client.PutJsonAsync($"{Url}/{anna.Id}/leaving", new { leftOn = Factory.Clock.Today() })).ShouldBeAsync<StaffMemberDto>(HttpStatusCode.OK);

        var report = await (await Client.PostJsonAsync($"{round.Url}/enrolments", new { libraryId = round.Varnamo }))
            .ShouldBeAsync<EnrolmentReport>(HttpStatusCode.OK);

        report.Enrolled.ShouldBe(1);
        (await EnrolmentsAsync(round)).Select(e => e.Name).ShouldBe(["Bo Ström"]);
    }

    [Fact]
    public async Task Managers_who_have_left_are_not_counted_on_the_roster_of_a_round()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var chef = await round.EnrolAsync("Cecilia Chef", manager: true, enrol: false);
        await round.EnrolAsync("Dan Chef", manager: true, enrol: false);
        await (await Client.PutJsonAsync($"{Url}/{chef.Id}/leaving", new { leftOn = Factory.Clock.Today() })).ShouldBeAsync<StaffMemberDto>(HttpStatusCode.OK);

        var managers = await (await Client.GetAsync($"{round.Url}/managers")).ShouldBeAsync<ManagerParticipationDto>(HttpStatusCode.OK);

        managers.OnRoster.ShouldBe(1);
        managers.Managers.Select(m => m.Name).ShouldBe(["Dan Chef"]);
    }

    [Fact]
    public async Task A_pilot_who_leaves_is_withdrawn_from_the_round_of_another_municipality_by_their_own_coordinator()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var county = (await (await Client.GetAsync($"{LibraryBuilder.Url}/{round.Varnamo}")).ShouldBeAsync<Application.Libraries.LibraryDto>(HttpStatusCode.OK)).ParentId!.Value;
        var gislaved = await Client.CreateMunicipalityAsync(county, "Gislaveds kommuns bibliotek", "0662");
        var unit = await Client.CreateUnitAsync(gislaved.Id, "MainLibrary", "Gislaveds bibliotek", 9);
        var pilot = await round.EnrolAsync("Gunnel Pilot", unitId: unit.Id);
        var coordinator = await Factory.ClientAsAsync("samordnare@gislaved.example.se", (Role.Coordinator, gislaved.Id));

        await (await coordinator.PutJsonAsync($"{Url}/{pilot.Id}/leaving", new { leftOn = Factory.Clock.Today() })).ShouldBeAsync<StaffMemberDto>(HttpStatusCode.OK);

        var enrolment = (await EnrolmentsAsync(round)).ShouldHaveSingleItem();
        (enrolment.IsPilot, enrolment.Status).ShouldBe((true, EnrolmentStatus.Withdrawn));
    }

    private async Task<IReadOnlyList<EnrolmentDto>> EnrolmentsAsync(RunningRound round) =>
        (await (await Client.GetAsync($"{round.Url}/enrolments?pageSize=200")).ShouldBeAsync<PagedList<EnrolmentDto>>(HttpStatusCode.OK)).Items;
}
