using System.Text.RegularExpressions;
using EnSakITaget.Web.BrowserTests.Common;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Identity;

/// <summary>The pages the e-mails link to: the invitation (/aktivera) and the forgotten password (/glomt-losenord, /aterstall-losenord), and changing it in the settings.</summary>
public sealed class AccountsByEmailTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    private const string ChosenPassword = "Mitt-eget-losenord-2010";

    [Fact]
    public async Task The_invitation_link_lets_a_new_participant_choose_a_password_and_signs_them_in()
    {
        var email = await InviteAsync("Åsa Öberg");
        var token = await Server.TokenMailedToAsync(email, "aktivera");

        await GoToAsync($"aktivera?token={Uri.EscapeDataString(token)}");
        await Assertions.Expect(Heading("Välkommen! Välj ditt lösenord")).ToBeVisibleAsync();
        await CheckPageAsync("activate");
        await Page.GetByLabel("Nytt lösenord").FillAsync(ChosenPassword);
        await Page.GetByLabel("Upprepa lösenordet").FillAsync(ChosenPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skapa kontot" }).ClickAsync();

        await Assertions.Expect(Heading("Mina omgångar")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Inloggad som Åsa Öberg")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("li.card").First).ToContainTextAsync("Sociala medier");

        await Page.ReloadAsync();
        await Assertions.Expect(Page.GetByText("Inloggad som Åsa Öberg")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_invitation_link_used_already_says_so_and_leads_to_signing_in()
    {
        var email = await InviteAsync("Bo Ström");
        var token = await Server.TokenMailedToAsync(email, "aktivera");
        await ActivateAsync(token);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();

        await GoToAsync($"aktivera?token={Uri.EscapeDataString(token)}");
        await Page.GetByLabel("Nytt lösenord").FillAsync("Ett-annat-losenord-2011");
        await Page.GetByLabel("Upprepa lösenordet").FillAsync("Ett-annat-losenord-2011");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skapa kontot" }).ClickAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("fungerar inte längre");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Till inloggningen" }).First).ToBeVisibleAsync();
        await CheckPageAsync("activate-refused");
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_mailed_link_and_the_new_one_signs_in()
    {
        var email = await InviteAsync("Cecilia Ek");
        await ActivateAsync(await Server.TokenMailedToAsync(email, "aktivera"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Glömt lösenordet?" }).ClickAsync();
        await Assertions.Expect(Heading("Glömt lösenordet")).ToBeVisibleAsync();
        await CheckPageAsync("forgot-password");
        await Page.GetByLabel("E-post").FillAsync(email);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skicka länken" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Om det finns ett konto med den adressen");

        // Someone without an account gets the very same answer.
        await GoToAsync("glomt-losenord");
        await Page.GetByLabel("E-post").FillAsync("ingen.alls@varnamo.example.se");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skicka länken" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Om det finns ett konto med den adressen");

        var token = await Server.TokenMailedToAsync(email, "aterstall-losenord");
        await GoToAsync($"aterstall-losenord?token={Uri.EscapeDataString(token)}");
        await Assertions.Expect(Heading("Välj ett nytt lösenord")).ToBeVisibleAsync();
        await CheckPageAsync("reset-password");
        await Page.GetByLabel("Nytt lösenord").FillAsync("Nytt-losenord-for-Cecilia-2");
        await Page.GetByLabel("Upprepa lösenordet").FillAsync("Nytt-losenord-annorlunda-3");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Spara lösenordet" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Lösenorden är inte likadana.")).ToBeVisibleAsync();
        await Page.GetByLabel("Upprepa lösenordet").FillAsync("Nytt-losenord-for-Cecilia-2");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Spara lösenordet" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ditt lösenord är bytt.");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Till inloggningen" }).ClickAsync();
        await SignInAsync(email, "Nytt-losenord-for-Cecilia-2");
        await Assertions.Expect(Heading("Mina omgångar")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_participant_changes_their_password_in_the_settings_and_signs_in_with_the_new_one()
    {
        var email = await InviteAsync("David Lind");
        await ActivateAsync(await Server.TokenMailedToAsync(email, "aktivera"));

        await Page.GetByRole(AriaRole.Link, new() { Name = "Inställningar" }).ClickAsync();
        await Assertions.Expect(Heading("Inställningar")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Mejl från En sak i taget" })).ToBeVisibleAsync();
        await CheckPageAsync("settings");
        await Page.GetByLabel("Nuvarande lösenord").FillAsync(ChosenPassword);
        await Page.GetByLabel("Nytt lösenord").FillAsync("Bytt-i-installningarna-4");
        await Page.GetByLabel("Upprepa lösenordet").FillAsync("Bytt-i-installningarna-4");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Byt lösenord" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Lösenordet är bytt." })).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await SignInAsync(email, "Bytt-i-installningarna-4");
        await Assertions.Expect(Heading("Mina omgångar")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_language_chosen_in_the_settings_is_remembered_after_a_reload()
    {
        await GoToAsync("logga-in");
        await SignInAsync(Johan);
        await Assertions.Expect(Heading("Mina omgångar")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Inställningar" }).ClickAsync();
        await Page.GetByLabel("English").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).ClickAsync();
        await Assertions.Expect(Heading("Settings")).ToBeVisibleAsync();

        await Page.ReloadAsync();
        await Assertions.Expect(Heading("Settings")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByLabel("English")).ToBeCheckedAsync();
    }

    private async Task ActivateAsync(string token)
    {
        await GoToAsync($"aktivera?token={Uri.EscapeDataString(token)}");
        await Page.GetByLabel("Nytt lösenord").FillAsync(ChosenPassword);
        await Page.GetByLabel("Upprepa lösenordet").FillAsync(ChosenPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skapa kontot" }).ClickAsync();
        await Assertions.Expect(Heading("Mina omgångar")).ToBeVisibleAsync();
    }

    /// <summary>The coordinator registers a member of staff at Karin's library and enrols them in the running round: the invitation is queued.</summary>
    private async Task<string> InviteAsync(string name)
    {
        var email = $"{Regex.Replace(name.Normalize(System.Text.NormalizationForm.FormD), @"[^A-Za-z ]", "").Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid():N}@varnamo.example.se";
        using var karin = await ApiCalls.SignedInAsync(Server.BaseAddress, Karin, DemoPassword);
        var me = await karin.SendAsync(HttpMethod.Get, "api/v1/me");
        var rounds = await karin.SendAsync(HttpMethod.Get, "api/v1/me/rounds");
        var round = rounds.GetProperty("items").EnumerateArray().First(r => r.GetProperty("roundStatus").GetString() != "Closed");

        using var coordinator = await ApiCalls.SignedInAsync(Server.BaseAddress, "samordnare@varnamo.example.se", DemoPassword);
        var karinsRecord = await coordinator.SendAsync(HttpMethod.Get, $"api/v1/participants/{me.GetProperty("participantId").GetString()}");
        var staff = await coordinator.SendAsync(HttpMethod.Post, "api/v1/participants", new
        {
            name, email, unitId = karinsRecord.GetProperty("unitId").GetString(), isManager = false, title = "Bibliotekarie",
        });
        await coordinator.SendAsync(HttpMethod.Post, $"api/v1/rounds/{round.GetProperty("roundId").GetString()}/enrolments", new
        {
            participantIds = new[] { staff.GetProperty("id").GetString() },
        });
        return email;
    }
}
