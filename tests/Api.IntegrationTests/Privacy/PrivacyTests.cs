using System.Net;
using System.Text.Json;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Participants;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Participants;
using EnSakITaget.Application.Privacy.ApplyRetention;
using EnSakITaget.Application.Privacy.ExportPersonalData;
using EnSakITaget.Application.Privacy.Retention;
using EnSakITaget.Infrastructure.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using EnSakITaget.Domain.Feedback;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Domain.Participants;
using Npgsql;

namespace EnSakITaget.Api.IntegrationTests.Privacy;

public sealed class PrivacyTests(ApiFactory factory) : ApiTest(factory)
{
    private const string GretaName = "Greta Gustavsson";
    private const string GretaEmail = "greta.gustavsson@bibliotek.example.se";
    private const string GretaReflection = "Min hemliga reflektion om bloggar";
    private const string GretaRevision = "Min reviderade reflektion om bloggar";
    private const string HugoReflection = "Hugos egna tankar om bloggar";
    private static readonly Guid WhatWasGood = Survey.WhatWasGood;

    private static readonly string[] EveryKind =
        ["staffRecord", "enrolments", "reflections", "history", "nudges", "surveyAnswers", "account", "roles", "auditEntries", "emails", "notificationSettings", "blogPosts", "blogComments", "blogDutyWeeks"];

    [Fact]
    public async Task The_export_holds_every_kind_of_data_about_a_person_who_has_all_of_it_and_nothing_about_anyone_else()
    {
        var (round, greta, hugo, coordinator) = await APersonWithEverythingAsync();

        var byCoordinator = await (await coordinator.GetAsync($"/api/v1/participants/{greta.Id}/export")).ShouldBeAsync<PersonalDataExport>(HttpStatusCode.OK);
        var byHerself = await (await greta.Client.GetAsync("/api/v1/me/export")).ShouldBeAsync<PersonalDataExport>(HttpStatusCode.OK);
        var body = await (await coordinator.GetAsync($"/api/v1/participants/{greta.Id}/export")).Content.ReadAsStringAsync();

        foreach (var export in new[] { byCoordinator, byHerself })
        {
            export.Sections.Select(s => s.Kind).ShouldBe(EveryKind, ignoreOrder: true);
            export.Sections.ShouldAllBe(s => s.Count > 0 && s.Items.Count == s.Count);
            export.Subject.ShouldSatisfyAllConditions(s => s.Name.ShouldBe(GretaName), s => s.Email.ShouldBe(GretaEmail), s => s.StaffMemberId.ShouldBe(greta.Id));
            export.SummarySv.ShouldStartWith($"Det här är allt som En sak i taget har sparat om {GretaName}");
        }

        byCoordinator.Sections.Single(s => s.Kind == "history").Count.ShouldBe(byHerself.Sections.Single(s => s.Kind == "history").Count);
        body.ShouldContain(GretaReflection);
        body.ShouldContain(GretaRevision);
        body.ShouldContain("Greta tyckte att kursen var bra");
        body.ShouldContain("Kom igen nu!");
        foreach (var other in new[] { hugo.Staff.Name, hugo.Staff.Email, hugo.Id.ToString(), HugoReflection, "Hugo tyckte om kursen" })
        {
            body.ShouldNotContain(other, Case.Insensitive);
        }

        round.Id.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task An_erased_person_is_found_in_no_text_column_of_any_table_and_the_statistics_answer_the_same_numbers()
    {
        var (round, greta, hugo, coordinator) = await APersonWithEverythingAsync();
        var statisticsBefore = await StatisticsAsync(round.Id);
        (await FindAsync(GretaName)).ShouldNotBeEmpty("the test must put the name somewhere first");
        (await FindAsync(GretaReflection)).ShouldNotBeEmpty();

        var erased = await coordinator.PostJsonAsync($"/api/v1/participants/{greta.Id}/erasure", new { reason = "Begäran om radering, inkom per brev 2010-09-01." });

        erased.StatusCode.ShouldBe(HttpStatusCode.NoContent, await erased.Content.ReadAsStringAsync());
        foreach (var needle in new[] { GretaName, GretaEmail, GretaReflection, GretaRevision, "Kom igen nu!", "Snyggt, Greta Gustavsson" })
        {
            (await FindAsync(needle)).ShouldBeEmpty($"\"{needle}\" is still stored");
        }

        (await FindAsync(HugoReflection)).ShouldNotBeEmpty("another person's data stays");
        (await StatisticsAsync(round.Id)).ShouldBe(statisticsBefore);
        var search = await (await Client.GetAsync("/api/v1/participants/?search=Greta&includeLeft=true")).Content.ReadAsStringAsync();
        search.ShouldNotContain("Greta");
        var users = await (await Client.GetAsync("/api/v1/users/?pageSize=200")).Content.ReadAsStringAsync();
        users.ShouldNotContain("greta", Case.Insensitive);
        var trail = await (await Client.GetAsync($"/api/v1/audit?entityType=StaffMember&entityId={greta.Id}&pageSize=200")).Content.ReadAsStringAsync();
        trail.ShouldContain("Erased");
        trail.ShouldContain("Begäran om radering");
        hugo.Id.ShouldNotBe(greta.Id);
    }

    [Fact]
    public async Task A_participant_exports_only_themself_and_erases_nobody()
    {
        var (_, greta, hugo, _) = await APersonWithEverythingAsync();

        var other = await greta.Client.GetAsync($"/api/v1/participants/{hugo.Id}/export");
        var erasure = await greta.Client.PostJsonAsync($"/api/v1/participants/{hugo.Id}/erasure", new { reason = "Vill inte" });
        var own = await (await greta.Client.GetAsync("/api/v1/me/export")).ShouldBeAsync<PersonalDataExport>(HttpStatusCode.OK);

        await other.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await erasure.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        own.Subject.StaffMemberId.ShouldBe(greta.Id);
    }

    [Fact]
    public async Task A_coordinator_may_not_erase_someone_whose_account_holds_a_role_she_could_not_grant()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var county = (await (await Client.GetAsync($"/api/v1/libraries/{round.Varnamo}")).ShouldBeAsync<EnSakITaget.Application.Libraries.LibraryDto>(HttpStatusCode.OK)).ParentId!.Value;
        var coordinator = await Factory.ClientAsAsync("samordnare@varnamo.example.se", (Role.Coordinator, round.Varnamo));
        var countyAdmin = await (await Client.PostJsonAsync("/api/v1/participants", new { name = "Lena Länsdotter", email = "lena@bibliotek.example.se", unitId = round.Bor }))
            .ShouldBeAsync<StaffMemberDto>(HttpStatusCode.Created);
        await Factory.CreateUserAsync(countyAdmin.Email, (Role.Participant, round.Bor), (Role.CountyAdmin, county));

        var refused = await coordinator.PostJsonAsync($"/api/v1/participants/{countyAdmin.Id}/erasure", new { reason = "Begäran om radering." });

        await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var still = await (await Client.GetAsync($"/api/v1/participants/{countyAdmin.Id}")).ShouldBeAsync<StaffMemberDto>(HttpStatusCode.OK);
        still.Name.ShouldBe("Lena Länsdotter");
    }

    [Fact]
    public async Task An_erased_person_stays_on_the_round_s_roster_as_a_placeholder_and_is_never_invited()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var coordinator = await Factory.ClientAsAsync("samordnare@varnamo.example.se", (Role.Coordinator, round.Varnamo));
        var greta = await round.EnrolAsync(GretaName);
        await round.EnrolAsync("Hugo Holm");
        var before = await RosterAsync(round);

        (await coordinator.PostJsonAsync($"/api/v1/participants/{greta.Id}/erasure", new { reason = "Begäran om radering." })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var after = await RosterAsync(round);
        var invited = await (await coordinator.PostJsonAsync($"{round.Url}/invitations", new { })).ShouldBeAsync<InvitationReport>(HttpStatusCode.OK);
        var named = await coordinator.PostJsonAsync($"{round.Url}/invitations", new { participantIds = new[] { greta.Id } });

        after.TotalCount.ShouldBe(before.TotalCount);
        var placeholder = after.Items.Single(e => e.ParticipantId == greta.Id);
        placeholder.Name.ShouldBe(StaffMember.ErasedName);
        placeholder.Email.ShouldEndWith("@" + StaffMember.ErasedEmailDomain);
        placeholder.Status.ShouldBe(before.Items.Single(e => e.ParticipantId == greta.Id).Status);
        invited.Invited.ShouldBe(0);
        (await named.ShouldBeAsync<InvitationReport>(HttpStatusCode.OK)).Invited.ShouldBe(0);
        var queued = await (await Client.GetAsync("/api/v1/outbox/?pageSize=200")).Content.ReadAsStringAsync();
        queued.ShouldNotContain(StaffMember.ErasedEmailDomain);
    }

    private async Task<PagedList<EnrolmentDto>> RosterAsync(RunningRound round) =>
        await (await Client.GetAsync($"{round.Url}/enrolments?pageSize=200")).ShouldBeAsync<PagedList<EnrolmentDto>>(HttpStatusCode.OK);

    [Fact]
    public async Task An_erasure_needs_a_reason()
    {
        var (_, greta, _, coordinator) = await APersonWithEverythingAsync();

        var response = await coordinator.PostJsonAsync($"/api/v1/participants/{greta.Id}/erasure", new { reason = " " });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reason");
    }

    [Fact]
    public async Task Past_the_county_s_retention_reflections_are_replaced_and_named_answers_become_anonymous_and_the_trail_says_so()
    {
        var (round, greta, _, _) = await APersonWithEverythingAsync();
        var closedAt = Factory.Clock.GetUtcNow();
        var county = (await (await Client.GetAsync($"/api/v1/libraries/{round.Varnamo}")).ShouldBeAsync<EnSakITaget.Application.Libraries.LibraryDto>(HttpStatusCode.OK)).ParentId!.Value;
        var url = $"/api/v1/libraries/{county}/retention";
        var byDefault = await (await Client.GetAsync(url)).ShouldBeAsync<RetentionDto>(HttpStatusCode.OK);
        var set = await (await Client.PutJsonAsync(url, new { months = 12 })).ShouldBeAsync<RetentionDto>(HttpStatusCode.OK);

        Factory.Clock.Set(closedAt.AddMonths(11));
        var early = await RetentionAsync();
        var keptEarly = await FindAsync(GretaReflection);
        Factory.Clock.Set(closedAt.AddMonths(12).AddDays(1));
        var statisticsBefore = await StatisticsAsync(round.Id);
        var due = await RetentionAsync();
        var again = await RetentionAsync();

        byDefault.ShouldBe(new RetentionDto(county, 24, true));
        set.ShouldBe(new RetentionDto(county, 12, false));
        early.Rounds.ShouldBe(0);
        keptEarly.ShouldNotBeEmpty();
        (await FindAsync(GretaReflection)).ShouldBeEmpty();
        (await FindAsync(GretaRevision)).ShouldBeEmpty();
        (await FindAsync(HugoReflection)).ShouldBeEmpty();
        due.Erased["reflections"].ShouldBe(2);
        due.Erased["namedSurveyAnswers"].ShouldBe(2);
        again.Erased.Values.ShouldAllBe(count => count == 0);
        var summary = await (await Client.GetAsync($"{round.Url}/survey/summary")).Content.ReadAsStringAsync();
        summary.ShouldNotContain(GretaName);
        (await StatisticsAsync(round.Id)).ShouldBe(statisticsBefore);
        var trail = await (await Client.GetAsync($"/api/v1/audit?entityType=Retention&pageSize=50")).Content.ReadAsStringAsync();
        trail.ShouldContain("namedSurveyAnswers");
        greta.Id.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task Only_a_county_has_a_retention_to_read_or_set_and_within_ten_years()
    {
        var round = await RunningRound.StartAsync(Factory, Client);

        var onMunicipality = await Client.PutJsonAsync($"/api/v1/libraries/{round.Varnamo}/retention", new { months = 12 });
        var county = (await (await Client.GetAsync($"/api/v1/libraries/{round.Varnamo}")).ShouldBeAsync<EnSakITaget.Application.Libraries.LibraryDto>(HttpStatusCode.OK)).ParentId!.Value;
        var tooLong = await Client.PutJsonAsync($"/api/v1/libraries/{county}/retention", new { months = 121 });

        var readOnMunicipality = await Client.GetAsync($"/api/v1/libraries/{round.Varnamo}/retention");

        (await onMunicipality.ShouldBeProblemAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString()!.ShouldContain("not a county");
        (await readOnMunicipality.ShouldBeProblemAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString()!.ShouldContain("not a county");
        await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "months");
    }

    private async Task<ApplyRetentionResult> RetentionAsync() =>
        await Factory.Services.GetServices<IHostedService>().OfType<RetentionService>().Single().ApplyRetentionAsync(CancellationToken.None);

    /// <summary>Greta has a staff record, an account, an enrolment with a revised and acknowledged reflection, a nudge and a named survey answer; Hugo beside her has his own.</summary>
    private async Task<(RunningRound Round, Participant Greta, Participant Hugo, HttpClient Coordinator)> APersonWithEverythingAsync()
    {
        var round = await RunningRound.StartAsync(Factory, Client, workAheadAllowed: true);
        var coordinator = await Factory.ClientAsAsync("samordnare@varnamo.example.se", (Role.Coordinator, round.Varnamo));
        var greta = await round.EnrolAsync(GretaName);
        var hugo = await round.EnrolAsync("Hugo Holm");
        GretaEmail.ShouldBe(greta.Staff.Email);

        await greta.ReportAsync(round, 1, GretaReflection);
        await greta.ReportAsync(round, 1, GretaRevision);
        await hugo.ReportAsync(round, 1, HugoReflection);
        (await coordinator.PutJsonAsync($"{round.Url}/enrolments/{greta.Id}/things/{round.ThingId(1)}/acknowledgement", new { comment = "Snyggt, Greta Gustavsson!" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coordinator.PostJsonAsync($"{round.Url}/enrolments/{greta.Id}/nudges", new { message = "Kom igen nu!" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var post = await (await greta.Client.PostJsonAsync($"{round.Url}/posts", new { title = "Gretas inlägg om bloggar", body = "Gretas text om bloggar" }))
            .ShouldBeAsync<EnSakITaget.Application.Community.PostDto>(HttpStatusCode.Created);
        (await greta.Client.PostJsonAsync($"{round.Url}/posts/{post.Id}/comments", new { body = "Gretas egen kommentar" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await hugo.Client.PostJsonAsync($"{round.Url}/posts/{post.Id}/comments", new { body = "Hugos kommentar" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await coordinator.PutJsonAsync($"/api/v1/libraries/{round.Varnamo}/blog-duty", new { volunteers = new[] { greta.Id, hugo.Id }, start = "2010-03-01", weeks = 2 }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var survey = new
        {
            isAnonymous = false,
            opensWhen = "RoundClosed",
            questions = new object[] { new { id = WhatWasGood, kind = "FreeText", textSv = "Vad var bra med kursen?", textEn = "What was good about the course?" } },
        };
        (await Client.PutJsonAsync($"{round.Url}/survey", survey)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Client.PostAsync($"{round.Url}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var (who, text) in new[] { (greta, "Greta tyckte att kursen var bra"), (hugo, "Hugo tyckte om kursen") })
        {
            var answered = await who.Client.PostJsonAsync($"{round.Url}/survey/responses",
                new { phase = "Closing", answers = new[] { new { questionId = WhatWasGood, text } } });
            answered.StatusCode.ShouldBe(HttpStatusCode.Created, await answered.Content.ReadAsStringAsync());
        }

        return (round, greta, hugo, coordinator);
    }

    private async Task<string> StatisticsAsync(Guid roundId)
    {
        var libraries = await (await Client.GetAsync("/api/v1/statistics/libraries?pageSize=200")).Content.ReadAsStringAsync();
        var rounds = await (await Client.GetAsync($"/api/v1/statistics/rounds/{roundId}")).Content.ReadAsStringAsync();
        var summary = await (await Client.GetAsync($"/api/v1/rounds/{roundId}/survey/summary")).Content.ReadAsStringAsync();
        using var summaryDocument = JsonDocument.Parse(summary);
        var figures = $"{summaryDocument.RootElement.GetProperty("enrolled")}/{summaryDocument.RootElement.GetProperty("responses")}";
        return $"{libraries}\n{rounds}\n{figures}";
    }

    /// <summary>Every text column of every table of the application's schemas where the text occurs, as <c>schema.table.column</c>.</summary>
    private async Task<List<string>> FindAsync(string text)
    {
        await using var connection = await Factory.Database.OpenAsync();
        var columns = new List<(string Schema, string Table, string Column)>();
        await using (var list = new NpgsqlCommand(
            "SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c " +
            "JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE' " +
            "WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') " +
            "AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb') ORDER BY 1, 2, 3",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        columns.Count.ShouldBeGreaterThan(20);
        var found = new List<string>();
        foreach (var (schema, table, column) in columns)
        {
            await using var search = new NpgsqlCommand(
                $"SELECT count(*) FROM \"{schema}\".\"{table}\" WHERE strpos(lower(\"{column}\"::text), lower(@text)) > 0", connection);
            search.Parameters.AddWithValue("text", text);
            if ((long)(await search.ExecuteScalarAsync())! > 0)
            {
                found.Add($"{schema}.{table}.{column}");
            }
        }

        return found;
    }
}
