using System.Text.RegularExpressions;
using EnSakITaget.Web.BrowserTests.Common;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Participants;

public sealed class HistoryAndSurveyTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    [Fact]
    public async Task My_history_shows_what_I_reported_and_when_with_my_reflections()
    {
        await GoToAsync("logga-in");
        await SignInAsync(Karin);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Min historik" }).ClickAsync();

        await Assertions.Expect(Heading("Min historik")).ToBeVisibleAsync();
        var history = Page.Locator("ol.history").First;
        await Assertions.Expect(history.GetByText("Redovisade").First).ToBeVisibleAsync();
        await Assertions.Expect(history.GetByText(new Regex("Sak 1: Lärplattformen")).First).ToBeVisibleAsync();
        await Assertions.Expect(history.Locator("time").First).ToHaveTextAsync(new Regex(@"\d{4} \d{2}:\d{2}"));
        await Assertions.Expect(history.Locator(".reflection").First).Not.ToBeEmptyAsync();
        await CheckPageAsync("history");
    }

    [Fact]
    public async Task A_participant_who_has_completed_the_round_answers_its_anonymous_closing_survey_once()
    {
        await GoToAsync("logga-in");
        await SignInAsync(Karin);
        // Karin has reported every thing of the running round, whose survey opens on completing (README's demo data).
        await Page.Locator("li.card").Filter(new() { HasText = "Bra jobbat" }).GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Svara på enkäten" }).ClickAsync();

        await Assertions.Expect(Heading(new Regex("^Enkät: "))).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Enkäten är anonym")).ToBeVisibleAsync();
        await CheckPageAsync("survey");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skicka svaren" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Svara på frågan.");

        foreach (var group in await Page.Locator("form fieldset").AllAsync())
        {
            await group.Locator("input[type=radio]").Last.CheckAsync();
        }

        foreach (var text in await Page.Locator("form textarea").AllAsync())
        {
            await text.FillAsync("Att få prova en sak i taget, i min egen takt.");
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "Skicka svaren" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tack! Du har svarat på enkäten.");

        await Page.ReloadAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tack! Du har svarat på enkäten.");
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Skicka svaren" })).ToHaveCountAsync(0);
    }

    private ILocator Heading(Regex name) => Page.GetByRole(AriaRole.Heading, new() { NameRegex = name, Level = 1 });
}
