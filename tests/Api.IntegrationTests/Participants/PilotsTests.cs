using System.Net;
using System.Text.Json;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Courses;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Courses;
using EnSakITaget.Application.Libraries;
using EnSakITaget.Application.Participants;
using EnSakITaget.Application.Privacy.ExportPersonalData;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Domain.Participants;

namespace EnSakITaget.Api.IntegrationTests.Participants;

/// <summary>The round's coordinator enrols pilots from the county's other municipalities by e-mail, and sees of them what the round shows.</summary>
public sealed class PilotsTests(ApiFactory factory) : ApiTest(factory)
{
    private const string PiaEmail = "pia.pilot@gislaved.example.se";
    private const string OlleEmail = "olle.utsocken@vaxjo.example.se";

    private sealed record County(RunningRound Round, HttpClient Coordinator, LibraryDto Gislaved, LibraryDto Anderstorp, LibraryDto Braas, StaffMemberDto Pia);

    /// <summary>Värnamo's running round; Gislaved in the same county with Pia at Anderstorp; Olle at Braås in another county.</summary>
    private async Task<County> ACountyWithPilotsAsync()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var county = (await (await Client.GetAsync($"/api/v1/libraries/{round.Varnamo}")).ShouldBeAsync<LibraryDto>(HttpStatusCode.OK)).ParentId!.Value;
        var gislaved = await Client.CreateMunicipalityAsync(county, "Gislaveds kommuns bibliotek", "0662");
        var anderstorp = await Client.CreateUnitAsync(gislaved.Id, "Branch", "Anderstorps bibliotek");
        var kronoberg = await Client.CreateCountyAsync("Kronobergs län", "07");
        var vaxjo = await Client.CreateMunicipalityAsync(kronoberg.Id, "Växjö kommuns bibliotek", "0780");
        var braas = await Client.CreateUnitAsync(vaxjo.Id, "Branch", "Braås bibliotek");
        var pia = await RegisterAsync("Pia Pilot", PiaEmail, anderstorp.Id);
        await RegisterAsync("Olle Utsocken", OlleEmail, braas.Id);
        var coordinator = await Factory.ClientAsAsync("samordnare@varnamo.example.se", (Role.Coordinator, round.Varnamo));
        return new County(round, coordinator, gislaved, anderstorp, braas, pia);
    }

    private async Task<StaffMemberDto> RegisterAsync(string name, string email, Guid unitId) =>
        await (await Client.PostJsonAsync("/api/v1/participants", new { name, email, unitId, title = "Bibliotekarie" })).ShouldBeAsync<StaffMemberDto>(HttpStatusCode.Created);

    private static Task<HttpResponseMessage> EnrolPilotAsync(County county, object pilot) =>
        county.Coordinator.PostJsonAsync($"{county.Round.Url}/pilots", pilot);

    [Fact]
    public async Task The_coordinator_enrols_a_pilot_of_another_municipality_of_the_county_by_exact_e_mail_and_the_pilot_is_invited()
    {
        var county = await ACountyWithPilotsAsync();

        var enrolled = await (await EnrolPilotAsync(county, new { email = "  Pia.Pilot@Gislaved.example.se " })).ShouldBeAsync<EnrolmentDto>(HttpStatusCode.OK);
        var again = await (await EnrolPilotAsync(county, new { email = PiaEmail })).ShouldBeAsync<EnrolmentDto>(HttpStatusCode.OK);

        (enrolled.ParticipantId, enrolled.IsPilot, enrolled.Status, enrolled.UnitId).ShouldBe((county.Pia.Id, true, EnrolmentStatus.Invited, county.Anderstorp.Id));
        again.ShouldBe(enrolled);
        var roster = await (await county.Coordinator.GetAsync($"{county.Round.Url}/enrolments?pageSize=200")).ShouldBeAsync<PagedList<EnrolmentDto>>(HttpStatusCode.OK);
        roster.Items.ShouldHaveSingleItem().ShouldSatisfyAllConditions(e => e.Name.ShouldBe("Pia Pilot"), e => e.IsPilot.ShouldBeTrue());
        var export = await (await Client.GetAsync($"/api/v1/participants/{county.Pia.Id}/export")).ShouldBeAsync<PersonalDataExport>(HttpStatusCode.OK);
        export.Sections.Single(s => s.Kind == "emails").Count.ShouldBe(1, "one invitation, however often she is enrolled");
    }

    [Fact]
    public async Task The_coordinator_sees_of_the_pilot_what_the_round_shows_and_nothing_else_of_the_person()
    {
        var county = await ACountyWithPilotsAsync();
        var ownRound = await (await Client.PostJsonAsync("/api/v1/rounds", new
            {
                courseId = county.Round.Round.CourseId, homeLibraryId = county.Gislaved.Id, title = "Sociala medier – Gislaved 2010",
                kickOff = ReportRound.KickOff, deadline = ReportRound.Deadline,
            })).ShouldBeAsync<RoundDto>(HttpStatusCode.Created);
        (await Client.PostJsonAsync($"/api/v1/rounds/{ownRound.Id}/enrolments", new { participantIds = new[] { county.Pia.Id } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await EnrolPilotAsync(county, new { email = PiaEmail })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var pia = new Participant(county.Pia, await Factory.ClientAsAsync(PiaEmail, (Role.Participant, county.Anderstorp.Id)));
        await pia.ReportAsync(county.Round, 1, "Pias reflektion om bloggar");
        var coordinator = county.Coordinator;

        var reflections = await (await coordinator.GetAsync($"{county.Round.Url}/reflections")).Content.ReadAsStringAsync();
        var history = await coordinator.GetAsync($"{county.Round.Url}/enrolments/{pia.Id}/history");
        var matrix = await coordinator.GetAsync($"{county.Round.Url}/progress");

        reflections.ShouldContain("Pias reflektion om bloggar");
        history.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await matrix.Content.ReadAsStringAsync()).ShouldContain("Pia Pilot");
        await (await coordinator.GetAsync($"/api/v1/participants/{pia.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await coordinator.PutJsonAsync($"/api/v1/participants/{pia.Id}", new { name = "Pia Ändrad", email = PiaEmail, unitId = county.Anderstorp.Id }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await coordinator.GetAsync($"/api/v1/participants/{pia.Id}/export")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await coordinator.GetAsync($"/api/v1/rounds/{ownRound.Id}/enrolments/{pia.Id}/history")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await coordinator.GetAsync("/api/v1/participants/?search=Pia&pageSize=200")).Content.ReadAsStringAsync()).ShouldNotContain(pia.Id.ToString());
    }

    [Fact]
    public async Task Nobody_with_the_e_mail_someone_outside_the_county_and_someone_who_left_are_answered_alike_and_nothing_is_enrolled()
    {
        var county = await ACountyWithPilotsAsync();
        var gone = await RegisterAsync("Greta Gått", "greta.gatt@gislaved.example.se", county.Anderstorp.Id);
        (await Client.PutJsonAsync($"/api/v1/participants/{gone.Id}/leaving", new { leftOn = "2010-01-31" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var nobody = await (await EnrolPilotAsync(county, new { email = "ingen.alls@vaxjo.example.se" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "unitId");
        var outside = await (await EnrolPilotAsync(county, new { email = OlleEmail })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "unitId");
        var left = await (await EnrolPilotAsync(county, new { email = gone.Email })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "unitId");

        Comparable(outside).ShouldBe(Comparable(nobody));
        Comparable(left).ShouldBe(Comparable(nobody));
        left.GetRawText().ShouldNotContain("Greta");
        outside.GetRawText().ShouldNotContain("Olle");
        outside.GetRawText().ShouldNotContain(county.Braas.Id.ToString());
        var roster = await (await county.Coordinator.GetAsync($"{county.Round.Url}/enrolments?pageSize=200")).ShouldBeAsync<PagedList<EnrolmentDto>>(HttpStatusCode.OK);
        roster.TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_pilot_nobody_in_the_county_has_is_registered_at_the_unit_the_coordinator_names_and_only_a_unit_of_the_county_will_do()
    {
        var county = await ACountyWithPilotsAsync();

        var registered = await (await EnrolPilotAsync(county, new { email = "nils.ny@gislaved.example.se", unitId = county.Anderstorp.Id, name = "Nils Ny" }))
            .ShouldBeAsync<EnrolmentDto>(HttpStatusCode.OK);
        var elsewhere = await EnrolPilotAsync(county, new { email = "nina.ny@vaxjo.example.se", unitId = county.Braas.Id, name = "Nina Ny" });
        var municipality = await EnrolPilotAsync(county, new { email = "nina.ny@gislaved.example.se", unitId = county.Gislaved.Id, name = "Nina Ny" });
        var nameless = await EnrolPilotAsync(county, new { email = "nina.ny@gislaved.example.se", unitId = county.Anderstorp.Id });
        var taken = await EnrolPilotAsync(county, new { email = OlleEmail, unitId = county.Anderstorp.Id, name = "Olle Utsocken" });

        (registered.Name, registered.IsPilot, registered.UnitId).ShouldBe(("Nils Ny", true, county.Anderstorp.Id));
        var record = await (await Client.GetAsync($"/api/v1/participants/{registered.ParticipantId}")).ShouldBeAsync<StaffMemberDto>(HttpStatusCode.OK);
        record.UnitId.ShouldBe(county.Anderstorp.Id);
        await (await county.Coordinator.GetAsync($"/api/v1/participants/{registered.ParticipantId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await elsewhere.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "unitId");
        await municipality.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "unitId");
        await nameless.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "name");
        var refused = await taken.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "email");
        refused.GetRawText().ShouldNotContain(county.Braas.Id.ToString());
        var roster = await (await county.Coordinator.GetAsync($"{county.Round.Url}/enrolments?pageSize=200")).ShouldBeAsync<PagedList<EnrolmentDto>>(HttpStatusCode.OK);
        roster.Items.ShouldHaveSingleItem().ParticipantId.ShouldBe(registered.ParticipantId);
    }

    /// <summary>The problem document without what differs from one request to the next (its trace id).</summary>
    private static string Comparable(JsonElement problem) =>
        string.Join("|", problem.EnumerateObject().Where(p => p.Name is not ("traceId" or "instance")).Select(p => $"{p.Name}={p.Value.GetRawText()}"));
}
