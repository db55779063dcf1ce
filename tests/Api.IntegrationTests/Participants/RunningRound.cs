using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Courses;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Courses;
using EnSakITaget.Application.Libraries;
using EnSakITaget.Application.Participants;
using EnSakITaget.Domain.Identity;

namespace EnSakITaget.Api.IntegrationTests.Participants;

/// <summary>A member of staff with an account of their own, enrolled in the round.</summary>
public sealed record Participant(StaffMemberDto Staff, HttpClient Client)
{
    public Guid Id => Staff.Id;
}

/// <summary>The report's round, opened on its kick-off with the first thing out, and the way to put people in it.</summary>
public sealed class RunningRound
{
    private readonly ApiFactory factory;
    private readonly HttpClient admin;

    private RunningRound(ApiFactory factory, HttpClient admin, RoundDto round, Guid varnamo, Guid bor, IReadOnlyList<ScheduledThingDto> things)
    {
        (this.factory, this.admin, Round, Varnamo, Bor, Things) = (factory, admin, round, varnamo, bor, things);
    }

    public RoundDto Round { get; }
    public Guid Id => Round.Id;
    public Guid Varnamo { get; }

    /// <summary>Bors bibliotek, a branch of Värnamo.</summary>
    public Guid Bor { get; }

    public IReadOnlyList<ScheduledThingDto> Things { get; }

    public string Url => $"/api/v1/rounds/{Id}";

    /// <param name="instructions">Markdown for every thing's instructions; none by default.</param>
    public static async Task<RunningRound> StartAsync(ApiFactory factory, HttpClient admin, bool workAheadAllowed = false, string? instructions = null)
    {
        factory.Clock.SetLocal(new DateOnly(2010, 2, 1));
        var (round, varnamo) = await ReportRound.CreateAsync(admin, workAheadAllowed, instructions);
        var units = await (await admin.GetAsync($"{LibraryBuilder.Url}?parentId={varnamo}")).ShouldBeAsync<PagedList<LibraryDto>>(HttpStatusCode.OK);
        factory.Clock.SetLocal(ReportRound.KickOff);
        await (await admin.PostAsync($"/api/v1/rounds/{round.Id}/open", null)).ShouldBeAsync<RoundDto>(HttpStatusCode.OK);
        var schedule = await admin.ScheduleOnceAsync(round.Id, s => s.ReleasedCount == 1);
        schedule.ReleasedCount.ShouldBe(1);
        return new RunningRound(factory, admin, round, varnamo, units.Items.Single().Id, schedule.Things);
    }

    /// <summary>Registers a member of staff at <paramref name="unitId"/> (Bor by default), gives them a participant account with the same e-mail, and enrols them.</summary>
    public async Task<Participant> EnrolAsync(string name, Guid? unitId = null, bool manager = false, bool enrol = true)
    {
        var email = $"{Ascii(name).Replace(' ', '.').ToLowerInvariant()}@bibliotek.example.se";
        var unit = unitId ?? Bor;
        var staff = await (await admin.PostJsonAsync("/api/v1/participants", new { name, email, unitId = unit, isManager = manager, title = "Bibliotekarie" }))
            .ShouldBeAsync<StaffMemberDto>(HttpStatusCode.Created);
        if (enrol)
        {
            (await admin.PostJsonAsync($"{Url}/enrolments", new { participantIds = new[] { staff.Id } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        return new Participant(staff, await factory.ClientAsAsync(email, (Role.Participant, unit)));
    }

    public async Task ReleaseNextAsync() =>
        await (await admin.PostJsonAsync($"{Url}/release-next", new { expectedReleased = (await admin.GetScheduleAsync(Id)).ReleasedCount }))
            .ShouldBeAsync<ScheduleDto>(HttpStatusCode.OK);

    /// <summary>"Bo Ström" as "Bo Strom": account names are letters and digits of ASCII.</summary>
    private static string Ascii(string name) =>
        new([.. name.Normalize(System.Text.NormalizationForm.FormD).Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)]);

    public string ThingUrl(int position) => $"{Url}/things/{Things[position - 1].ThingId}";

    public Guid ThingId(int position) => Things[position - 1].ThingId;
}

public static class ProgressRequests
{
    public static async Task<ThingProgressDto> ReportAsync(this Participant participant, RunningRound round, int position, string text = "Jag har provat!", string? link = null) =>
        await (await participant.Client.PostJsonAsync($"{round.ThingUrl(position)}/report", new { text, link }))
            .ShouldBeAsync<ThingProgressDto>(HttpStatusCode.OK);

    public static async Task<ThingProgressDto> StartAsync(this Participant participant, RunningRound round, int position) =>
        await (await participant.Client.PostAsync($"{round.ThingUrl(position)}/start", null)).ShouldBeAsync<ThingProgressDto>(HttpStatusCode.OK);

    public static async Task<PagedList<ProgressEventDto>> HistoryAsync(this HttpClient client, RunningRound round, Guid participantId) =>
        await (await client.GetAsync($"{round.Url}/enrolments/{participantId}/history?pageSize=200")).ShouldBeAsync<PagedList<ProgressEventDto>>(HttpStatusCode.OK);
}
