using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Participants;
using EnSakITaget.Domain.Participants;

namespace EnSakITaget.Api.IntegrationTests.Participants;

/// <summary>What is promised idempotent stays so when the repeats arrive together, and a lost race is no error in the log.</summary>
public sealed class IdempotentReportsTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Twenty_identical_reports_in_flight_together_all_answer_200_with_the_same_answer_and_count_once()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var greta = await round.EnrolAsync("Greta Gustavsson");
        var logged = Factory.Logs.Lines.Count;

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            greta.Client.PostJsonAsync($"{round.ThingUrl(1)}/report", new { text = "Jag startade en blogg." })));

        foreach (var answer in answers)
        {
            answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        }

        var bodies = await Task.WhenAll(answers.Select(a => a.ShouldBeAsync<ThingProgressDto>(HttpStatusCode.OK)));
        bodies.Distinct().Count().ShouldBe(1);
        bodies[0].ThingsReported.ShouldBe(1);
        var history = await Client.HistoryAsync(round, greta.Id);
        history.Items.Count(e => e.Kind == ProgressEventKind.Reported).ShouldBe(1);
        history.Items.Count(e => e.Kind == ProgressEventKind.ReflectionRevised).ShouldBe(0);
        EntityFrameworkErrorsSince(logged).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_different_report_in_flight_with_the_first_is_kept_as_a_revision_and_neither_is_refused()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var greta = await round.EnrolAsync("Greta Gustavsson");

        var answers = await Task.WhenAll(new[] { "Jag startade en blogg.", "Jag skrev ett första inlägg." }
            .Select(text => greta.Client.PostJsonAsync($"{round.ThingUrl(1)}/report", new { text })));

        answers.Select(a => a.StatusCode).ShouldAllBe(s => s == HttpStatusCode.OK);
        var history = await Client.HistoryAsync(round, greta.Id);
        history.Items.Count(e => e.Kind == ProgressEventKind.Reported).ShouldBe(1);
        history.Items.Count(e => e.Kind == ProgressEventKind.ReflectionRevised).ShouldBe(1);
    }

    [Fact]
    public async Task Registering_one_e_mail_ten_times_at_once_creates_one_and_answers_409_to_the_rest_with_no_entity_framework_error_in_the_log()
    {
        var (_, _, bor) = await Client.CreateSmallTreeAsync();
        var logged = Factory.Logs.Lines.Count;

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Client.PostJsonAsync("/api/v1/participants", new { name = "Anna Ek", email = "anna.ek@varnamo.example.se", unitId = bor.Id })));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        }

        EntityFrameworkErrorsSince(logged).ShouldBeEmpty();
        Factory.Logs.Lines.Skip(logged).ShouldNotContain(line => line.StartsWith("Error ", StringComparison.Ordinal));
    }

    private List<string> EntityFrameworkErrorsSince(int logged) =>
        [.. Factory.Logs.Lines.Skip(logged).Where(line => line.StartsWith("Error Microsoft.EntityFrameworkCore", StringComparison.Ordinal))];
}
