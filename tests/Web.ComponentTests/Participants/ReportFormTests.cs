using System.Net;
using EnSakITaget.Web.ComponentTests.Common;
using EnSakITaget.Web.Participants;
using Microsoft.Extensions.DependencyInjection;

namespace EnSakITaget.Web.ComponentTests.Participants;

/// <summary>The report form on a thing's page (Participants/ThingPage.razor), against a fake API.</summary>
public sealed class ReportFormTests : ComponentTest
{
    private static readonly Guid Round = Guid.Parse("6d7c0d5e-6f0e-4a53-9a0a-3f3e0e7a1001");
    private static readonly Guid Thing = Guid.Parse("6d7c0d5e-6f0e-4a53-9a0a-3f3e0e7a2002");

    public ReportFormTests()
    {
        Services.AddSingleton<MyRoundsService>();
        Services.AddSingleton<Drafts>();
    }

    [Fact]
    public void Sending_neither_a_reflection_nor_a_link_is_refused_on_the_page_without_asking_the_API()
    {
        Http.Answer("GET", "/api/v1/me/rounds", MyRounds(Started));
        var page = RenderThing();

        page.Find("form").Submit();

        page.Find("[role=alert]").TextContent.ShouldNotBeNullOrWhiteSpace();
        Http.Sent.ShouldNotContain(s => s.Route.EndsWith("/report", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reflection_is_sent_trimmed_and_the_page_shows_it_saved()
    {
        Http.Answer("GET", "/api/v1/me/rounds", MyRounds(Started));
        Http.Answer("GET", "/api/v1/me/rounds", MyRounds(Reported("Jag skrev ett inlägg.")));
        Http.Answer("POST", $"/api/v1/rounds/{Round}/things/{Thing}/report", $$"""{"roundId":"{{Round}}","thingId":"{{Thing}}","position":1,"status":"Reported"}""");
        var page = RenderThing();

        page.Find("#reflection-text").Change("  Jag skrev ett inlägg.  ");
        page.Find("form").Submit();

        page.WaitForAssertion(() => page.Find("[role=status]").TextContent.ShouldBe("Redovisningen är sparad."));
        var sent = Http.Sent.Single(s => s.Route.EndsWith("/report", StringComparison.Ordinal));
        sent.Body.ShouldNotBeNull().ShouldContain("\"text\":\"Jag skrev ett inl");
        sent.Body.ShouldNotContain("  Jag");
        page.Find(".reflection").TextContent.ShouldBe("Jag skrev ett inlägg.");
    }

    [Fact]
    public void A_field_the_API_refuses_is_named_under_its_input()
    {
        Http.Answer("GET", "/api/v1/me/rounds", MyRounds(Started));
        Http.Answer(
            "POST", $"/api/v1/rounds/{Round}/things/{Thing}/report",
            """{"title":"One or more validation errors occurred.","status":400,"errors":{"link":["Länken måste börja med https://."]}}""",
            HttpStatusCode.BadRequest, "application/problem+json");
        var page = RenderThing();

        page.Find("#reflection-link").Change("ftp://example.se");
        page.Find("form").Submit();

        page.WaitForAssertion(() => page.Find(".field-error").TextContent.ShouldBe("Länken måste börja med https://."));
    }

    [Fact]
    public void Words_typed_are_kept_as_a_draft_so_a_new_sign_in_brings_them_back()
    {
        Http.Answer("GET", "/api/v1/me/rounds", MyRounds(Started));
        var page = RenderThing();

        page.Find("#reflection-text").Change("Halvvägs");

        Services.GetRequiredService<Drafts>().Find(Round, Thing).ShouldBe(("Halvvägs", null));
    }

    private IRenderedComponent<ThingPage> RenderThing()
    {
        var page = Render<ThingPage>(ps => ps.Add(p => p.RoundId, Round).Add(p => p.ThingId, Thing));
        page.WaitForElement("#report-title");
        return page;
    }

    private const string Started = """
        "status":"Started","startedAt":"2026-03-02T10:00:00+01:00","reportedAt":null,"reflection":null
        """;

    private static string Reported(string text) => $$"""
        "status":"Reported","startedAt":"2026-03-02T10:00:00+01:00","reportedAt":"2026-03-03T10:00:00+01:00","reflection":{"text":"{{text}}","link":null}
        """;

    private static string MyRounds(string progress) => $$"""
        {"items":[{"roundId":"{{Round}}","title":"Sociala medier","roundStatus":"Open","kickOff":"2026-02-23","deadline":"2026-08-31",
          "workAheadAllowed":true,"status":"Active","thingsReported":0,"thingCount":1,
          "things":[{"thingId":"{{Thing}}","position":1,"title":"Välj en plattform","instructions":"Läs och pröva.","links":[],
            "estimatedMinutes":15,"reportPrompt":null,"releasedAt":"2026-02-23T09:00:00+01:00",{{progress}}}],
          "next":null}],
         "page":1,"pageSize":50,"totalCount":1}
        """;
}
