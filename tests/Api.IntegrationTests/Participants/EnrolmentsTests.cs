using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Courses;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Courses;
using EnSakITaget.Application.Participants;
using EnSakITaget.Application.Participants.EnrolParticipants;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Domain.Participants;

namespace EnSakITaget.Api.IntegrationTests.Participants;

public sealed class EnrolmentsTests(ApiFactory factory) : ApiTest(factory)
{
    private async Task<StaffMemberDto> StaffAsync(string name, Guid unitId, bool manager = false) =>
        await (await Client.PostJsonAsync("/api/v1/participants", new
            {
                name, email = $"{name.Replace(' ', '.').ToLowerInvariant()}@bibliotek.example.se", unitId, isManager = manager,
            }))
            .ShouldBeAsync<StaffMemberDto>(HttpStatusCode.Created);

    private async Task<(RoundDto Round, Guid Varnamo, Guid Bor)> RoundAsync()
    {
        Factory.Clock.SetLocal(new DateOnly(2010, 2, 1));
        var (round, varnamo) = await ReportRound.CreateAsync(Client);
        var units = await (await Client.GetAsync($"{LibraryBuilder.Url}?parentId={varnamo}")).ShouldBeAsync<PagedList<Application.Libraries.LibraryDto>>(HttpStatusCode.OK);
        return (round, varnamo, units.Items.Single().Id);
    }

    private async Task<PagedList<EnrolmentDto>> EnrolmentsAsync(Guid roundId, HttpClient? client = null) =>
        await ((client ?? Client).GetAsync($"/api/v1/rounds/{roundId}/enrolments?pageSize=200").Result).ShouldBeAsync<PagedList<EnrolmentDto>>(HttpStatusCode.OK);

    [Fact]
    public async Task A_list_of_staff_is_invited_and_a_second_enrolment_changes_nothing()
    {
        var (round, _, bor) = await RoundAsync();
        var anna = await StaffAsync("Anna Ek", bor);
        var bo = await StaffAsync("Bo Ström", bor, manager: true);

        var first = await (await Client.PostJsonAsync($"/api/v1/rounds/{round.Id}/enrolments", new { participantIds = new[] { anna.Id, bo.Id } }))
            .ShouldBeAsync<EnrolmentReport>(HttpStatusCode.OK);
        var again = await (await Client.PostJsonAsync($"/api/v1/rounds/{round.Id}/enrolments", new { participantIds = new[] { anna.Id } }))
            .ShouldBeAsync<EnrolmentReport>(HttpStatusCode.OK);

        first.ShouldBe(new EnrolmentReport(2, 0, 0));
        again.ShouldBe(new EnrolmentReport(0, 1, 0));
        var enrolments = await EnrolmentsAsync(round.Id);
        enrolments.Items.Select(e => (e.Name, e.Status, e.IsManager)).ShouldBe(
            [("Anna Ek", EnrolmentStatus.Invited, false), ("Bo Ström", EnrolmentStatus.Invited, true)]);
    }

    [Fact]
    public async Task A_whole_library_is_enrolled_with_its_units_and_pilots_from_the_county_are_marked()
    {
        var (round, varnamo, bor) = await RoundAsync();
        var bookmobile = await Client.CreateUnitAsync(varnamo, "Bookmobile", "Bokbussen", 2);
        await StaffAsync("Anna Ek", bor);
        await StaffAsync("Cecilia Ås", bookmobile.Id);
        var counties = await (await Client.GetAsync($"{LibraryBuilder.Url}?type=County")).ShouldBeAsync<PagedList<Application.Libraries.LibraryDto>>(HttpStatusCode.OK);
        var gnosjo = await Client.CreateMunicipalityAsync(counties.Items[0].Id, "Gnosjö", "0617");
        var pilot = await StaffAsync("Pia Lot", (await Client.CreateUnitAsync(gnosjo.Id, "MainLibrary", "Gnosjö bibliotek", 4)).Id);

        var library = await (await Client.PostJsonAsync($"/api/v1/rounds/{round.Id}/enrolments", new { libraryId = varnamo }))
            .ShouldBeAsync<EnrolmentReport>(HttpStatusCode.OK);
        var pilots = await (await Client.PostJsonAsync($"/api/v1/rounds/{round.Id}/enrolments", new { participantIds = new[] { pilot.Id } }))
            .ShouldBeAsync<EnrolmentReport>(HttpStatusCode.OK);

        library.Enrolled.ShouldBe(2);
        pilots.Pilots.ShouldBe(1);
        var coordinator = await Factory.ClientAsAsync("samordnare@varnamo.example.se", (Role.Coordinator, varnamo));
        var seenByCoordinator = await EnrolmentsAsync(round.Id, coordinator);
        seenByCoordinator.Items.Select(e => (e.Name, e.IsPilot)).ShouldBe([("Anna Ek", false), ("Cecilia Ås", false), ("Pia Lot", true)]);
    }

    [Fact]
    public async Task Staff_of_another_county_are_refused_and_nothing_is_enrolled()
    {
        var (round, _, bor) = await RoundAsync();
        var anna = await StaffAsync("Anna Ek", bor);
        var kronoberg = await Client.CreateCountyAsync("Kronobergs län", "07");
        var vaxjo = await Client.CreateMunicipalityAsync(kronoberg.Id, "Växjö", "0780");
        var stranger = await StaffAsync("Vera Växjö", (await Client.CreateUnitAsync(vaxjo.Id, "MainLibrary", "Växjö stadsbibliotek", 30)).Id);
        var before = await SnapshotDataAsync();

        var problem = await (await Client.PostJsonAsync($"/api/v1/rounds/{round.Id}/enrolments", new { participantIds = new[] { anna.Id, stranger.Id } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem.GetProperty("detail").GetString()!.ShouldContain("another county");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Attending_the_kick_off_makes_a_participant_active_and_a_withdrawn_one_can_be_enrolled_again()
    {
        var (round, _, bor) = await RoundAsync();
        var anna = await StaffAsync("Anna Ek", bor);
        await Client.PostJsonAsync($"/api/v1/rounds/{round.Id}/enrolments", new { participantIds = new[] { anna.Id } });

        var attended = await (await Client.PutJsonAsync($"/api/v1/rounds/{round.Id}/enrolments/{anna.Id}", new { attendedKickOff = true }))
            .ShouldBeAsync<EnrolmentDto>(HttpStatusCode.OK);
        (attended.Status, attended.AttendedKickOff).ShouldBe((EnrolmentStatus.Active, true));

        (await Client.DeleteAsync($"/api/v1/rounds/{round.Id}/enrolments/{anna.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await EnrolmentsAsync(round.Id)).Items.Single().Status.ShouldBe(EnrolmentStatus.Withdrawn);
        await (await Client.PutJsonAsync($"/api/v1/rounds/{round.Id}/enrolments/{anna.Id}", new { attendedKickOff = true }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var back = await (await Client.PostJsonAsync($"/api/v1/rounds/{round.Id}/enrolments", new { participantIds = new[] { anna.Id } }))
            .ShouldBeAsync<EnrolmentReport>(HttpStatusCode.OK);
        back.Enrolled.ShouldBe(1);
        (await EnrolmentsAsync(round.Id)).Items.Single().Status.ShouldBe(EnrolmentStatus.Active);
    }

    [Fact]
    public async Task Nobody_is_enrolled_in_a_closed_round()
    {
        var (round, _, bor) = await RoundAsync();
        var anna = await StaffAsync("Anna Ek", bor);
        await (await Client.PostAsync($"/api/v1/rounds/{round.Id}/close", null)).ShouldBeAsync<RoundDto>(HttpStatusCode.OK);

        await (await Client.PostJsonAsync($"/api/v1/rounds/{round.Id}/enrolments", new { participantIds = new[] { anna.Id } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("""{}""", "participantIds")]
    [InlineData("""{"participantIds":["00000000-0000-0000-0000-000000000001"]}""", "participantIds[0]")]
    [InlineData("""{"libraryId":"00000000-0000-0000-0000-000000000001"}""", "libraryId")]
    [InlineData("""{"participantIds":"alla"}""", "participantIds")]
    public async Task A_bad_enrolment_answers_400_naming_the_field(string body, string field)
    {
        var (round, _, _) = await RoundAsync();

        await (await Client.SendRawJsonAsync(HttpMethod.Post, $"/api/v1/rounds/{round.Id}/enrolments", body))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task The_enrolments_of_an_unknown_round_or_participant_answer_404()
    {
        var (round, _, _) = await RoundAsync();

        await (await Client.GetAsync($"/api/v1/rounds/{Guid.NewGuid()}/enrolments")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Client.DeleteAsync($"/api/v1/rounds/{round.Id}/enrolments/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
