using System.Text.RegularExpressions;
using EnSakITaget.Web.BrowserTests.Common;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Administration;

/// <summary>The county administrator's keys, accounts and outbox pages, and a coordinator kept out of all the county's pages.</summary>
public sealed class CountyAdministrationTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    private const string Ulla = "lansbibliotek@jonkoping.example.se";
    private const string Malin = "samordnare@varnamo.example.se";

    /// <summary>The dev login (README): an Administrator, created in Development as the test server runs.</summary>
    private const string DevAdministrator = "admin@ensakitaget.local";
    private const string DevAdministratorPassword = "Utveckling-2010!";

    private static readonly string[] CountyPages = ["lan", "lan/bibliotek", "lan/konton", "lan/nycklar", "lan/logg", "lan/utkorg"];

    [Fact]
    public async Task A_county_admin_creates_a_key_sees_its_secret_once_copies_it_and_revokes_it_after_a_confirmation()
    {
        await Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = Server.BaseAddress.GetLeftPart(UriPartial.Authority) });
        await SignInAsCountyAdminAsync("Integrationsnycklar");
        await CheckPageAsync("county-keys");

        await Page.GetByLabel("Vad nyckeln är till").FillAsync("Regionens statistik");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skapa nyckeln" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Nyckeln är skapad" })).ToBeFocusedAsync();
        await Assertions.Expect(Page.GetByText("Den visas inte igen")).ToBeVisibleAsync();
        var secret = (await Page.GetByTestId("secret").TextContentAsync())!.Trim();
        secret.Length.ShouldBeGreaterThan(20);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Kopiera nyckeln" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "kopierad" })).ToHaveTextAsync("Nyckeln är kopierad.");
        (await Page.EvaluateAsync<string>("navigator.clipboard.readText()")).ShouldBe(secret);
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Regionens statistik" });
        await Assertions.Expect(row).ToContainTextAsync("Aldrig");
        await Assertions.Expect(row).ToContainTextAsync("Gäller");
        await CheckPageAsync("county-key-created");

        // The secret is never shown again: not after a reload.
        await Page.ReloadAsync();
        await Assertions.Expect(Heading("Integrationsnycklar")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText(secret)).ToHaveCountAsync(0);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Återkalla Regionens statistik" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = "Återkalla Regionens statistik?" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Avbryt" })).ToBeFocusedAsync();
        await CheckPageAsync("county-key-revoke-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Återkalla", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "återkallad" })).ToHaveTextAsync("Regionens statistik är återkallad.");
        await Assertions.Expect(row).ToContainTextAsync("Återkallad");
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Återkalla Regionens statistik" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_county_admin_unlocks_an_account_locked_by_wrong_passwords()
    {
        const string email = "las.mig@gislaved.example.se";
        using (var ulla = await ApiCalls.SignedInAsync(Server.BaseAddress, Ulla, DemoPassword))
        {
            var gislaved = (await ulla.SendAsync(HttpMethod.Get, "api/v1/libraries?type=Municipality&pageSize=100"))
                .GetProperty("items").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "Gislaved kommuns bibliotek").GetProperty("id").GetGuid();
            await ulla.SendAsync(HttpMethod.Post, "api/v1/users", new
            {
                email, displayName = "Lena Låst", password = "Lenas-losenord-2010",
                roles = new[] { new { role = "Coordinator", libraryId = gislaved } },
            });
        }

        using (var stranger = new ApiCalls(Server.BaseAddress))
        {
            for (var i = 0; i < 5; i++)
            {
                await Should.ThrowAsync<InvalidOperationException>(() => stranger.SendAsync(HttpMethod.Post, "api/v1/auth/login", new { email, password = "fel-losenord" }));
            }
        }

        await SignInAsCountyAdminAsync("Konton och behörigheter");
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Assertions.Expect(row).ToContainTextAsync("Låst till");
        await Assertions.Expect(row).ToContainTextAsync("Samordnare, Gislaved kommuns bibliotek");
        await CheckPageAsync("county-people");
        await row.GetByRole(AriaRole.Button, new() { Name = "Lås upp Lena Låst" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "upplåst" })).ToHaveTextAsync("Lena Låst är upplåst.");
        await Assertions.Expect(row).Not.ToContainTextAsync("Låst till");

        // Her own password signs her in again.
        (await ApiCalls.SignedInAsync(Server.BaseAddress, email, "Lenas-losenord-2010")).Dispose();
    }

    [Fact]
    public async Task A_county_admin_invites_a_coordinator_by_email_sends_the_invitation_again_and_changes_her_roles_and_the_link_signs_her_in()
    {
        const string email = "maja.lind@gislaved.example.se";
        var municipality = (string name) => new SelectOptionValue { Label = new string('\u00a0', 3) + name };
        await SignInAsCountyAdminAsync("Konton och behörigheter");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Skicka inbjudan", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator("#invite-name-error")).ToContainTextAsync("Skriv personens namn.");
        await Assertions.Expect(Page.Locator("#invite-email-error")).ToContainTextAsync("Skriv en giltig e-postadress");
        await Assertions.Expect(Page.GetByLabel("E-postadress")).ToHaveAttributeAsync("aria-invalid", "true");
        await CheckPageAsync("county-people-invite-errors");

        await Page.GetByLabel("Namn", new() { Exact = true }).FillAsync("Maja Lind");
        await Page.GetByLabel("E-postadress").FillAsync(email);
        await Page.Locator("#invite-role").SelectOptionAsync(new SelectOptionValue { Label = "Samordnare" });
        await Page.Locator("#invite-library").SelectOptionAsync(municipality("Gislaved kommuns bibliotek"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skicka inbjudan", Exact = true }).ClickAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "inbjudan" })).ToHaveTextAsync($"En inbjudan till Maja Lind är skickad till {email}.");
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Assertions.Expect(row).ToContainTextAsync("Samordnare, Gislaved kommuns bibliotek");
        await Assertions.Expect(row).ToContainTextAsync("Inbjuden, har inte valt lösenord än");
        var first = await Server.TokenMailedToAsync(email, "aktivera");

        await row.GetByRole(AriaRole.Button, new() { Name = "Skicka inbjudan igen till Maja Lind" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "ny inbjudan" })).ToHaveTextAsync($"En ny inbjudan är skickad till {email}.");
        var token = await Server.TokenMailedToAsync(email, "aktivera");
        token.ShouldNotBe(first);

        await row.GetByRole(AriaRole.Button, new() { Name = "Ändra roller för Maja Lind" }).ClickAsync();
        var editor = Page.GetByRole(AriaRole.Heading, new() { Name = "Roller för Maja Lind" });
        await Assertions.Expect(editor).ToBeFocusedAsync();
        await Page.Locator("#edit-role").SelectOptionAsync(new SelectOptionValue { Label = "Samordnare" });
        await Page.Locator("#edit-library").SelectOptionAsync(municipality("Värnamo kommuns bibliotek"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Lägg till rollen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ta bort Samordnare, Gislaved kommuns bibliotek" }).ClickAsync();
        await CheckPageAsync("county-people-roles");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Spara rollerna" }).ClickAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "sparade" })).ToHaveTextAsync("Rollerna för Maja Lind är sparade.");
        await Assertions.Expect(row).ToContainTextAsync("Samordnare, Värnamo kommuns bibliotek");
        await Assertions.Expect(row).Not.ToContainTextAsync("Gislaved kommuns bibliotek");

        using (var stranger = new ApiCalls(Server.BaseAddress))
        {
            await stranger.SendAsync(HttpMethod.Post, "api/v1/auth/activate", new { token, password = "Majas-eget-2010" });
        }

        using var maja = await ApiCalls.SignedInAsync(Server.BaseAddress, email, "Majas-eget-2010");
        var roles = (await maja.SendAsync(HttpMethod.Get, "api/v1/me")).GetProperty("roles").EnumerateArray().ToList();
        roles.ShouldHaveSingleItem().GetProperty("role").GetString().ShouldBe("Coordinator");
    }

    [Fact]
    public async Task Of_two_county_admins_who_change_one_account_the_second_is_told_in_swedish_and_the_first_change_is_kept()
    {
        const string email = "per.holm@gislaved.example.se";
        var municipality = (string name) => new SelectOptionValue { Label = new string('\u00a0', 3) + name };
        Guid id, gislaved;
        using (var ulla = await ApiCalls.SignedInAsync(Server.BaseAddress, Ulla, DemoPassword))
        {
            gislaved = (await ulla.SendAsync(HttpMethod.Get, "api/v1/libraries?type=Municipality&pageSize=100"))
                .GetProperty("items").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "Gislaved kommuns bibliotek").GetProperty("id").GetGuid();
            id = (await ulla.SendAsync(HttpMethod.Post, "api/v1/users", new
            {
                email, displayName = "Per Holm", password = "Pers-losenord-2010",
                roles = new[] { new { role = "Coordinator", libraryId = gislaved } },
            })).GetProperty("id").GetGuid();
        }

        await SignInAsCountyAdminAsync("Konton och behörigheter");
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await row.GetByRole(AriaRole.Button, new() { Name = "Ändra roller för Per Holm" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Roller för Per Holm" })).ToBeFocusedAsync();

        // While the editor is open, another county admin corrects his name.
        using (var other = await ApiCalls.SignedInAsync(Server.BaseAddress, Ulla, DemoPassword))
        {
            await other.SendAsync(HttpMethod.Put, $"api/v1/users/{id}", new
            {
                email, displayName = "Per Holmberg", roles = new[] { new { role = "Coordinator", libraryId = gislaved } },
            });
        }

        await Page.Locator("#edit-role").SelectOptionAsync(new SelectOptionValue { Label = "Samordnare" });
        await Page.Locator("#edit-library").SelectOptionAsync(municipality("Värnamo kommuns bibliotek"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Lägg till rollen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Spara rollerna" }).ClickAsync();

        var refusal = Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Någon annan har ändrat kontot" });
        await Assertions.Expect(refusal).ToContainTextAsync("Läs in kontot igen");
        await CheckPageAsync("county-people-changed-meanwhile");
        using (var ulla = await ApiCalls.SignedInAsync(Server.BaseAddress, Ulla, DemoPassword))
        {
            var kept = await ulla.SendAsync(HttpMethod.Get, $"api/v1/users/{id}");
            kept.GetProperty("displayName").GetString().ShouldBe("Per Holmberg");
            kept.GetProperty("roles").GetArrayLength().ShouldBe(1);
        }

        // Saving again without reading the account again is refused again rather than overwriting.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Spara rollerna" }).ClickAsync();
        await Assertions.Expect(refusal).ToBeVisibleAsync();

        // Read again, the account has the other's name, and the role is added on top of it.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Läs in kontot igen" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Roller för Per Holmberg" })).ToBeFocusedAsync();
        await Assertions.Expect(refusal).ToHaveCountAsync(0);
        await Page.Locator("#edit-role").SelectOptionAsync(new SelectOptionValue { Label = "Samordnare" });
        await Page.Locator("#edit-library").SelectOptionAsync(municipality("Värnamo kommuns bibliotek"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Lägg till rollen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Spara rollerna" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "sparade" })).ToHaveTextAsync("Rollerna för Per Holmberg är sparade.");
        await Assertions.Expect(row).ToContainTextAsync("Per Holmberg");
        await Assertions.Expect(row).ToContainTextAsync("Samordnare, Värnamo kommuns bibliotek");
        await Assertions.Expect(row).ToContainTextAsync("Samordnare, Gislaved kommuns bibliotek");
    }

    [Fact]
    public async Task The_audit_trail_is_filtered_by_who_what_and_when()
    {
        using (var ulla = await ApiCalls.SignedInAsync(Server.BaseAddress, Ulla, DemoPassword))
        {
            var county = (await ulla.SendAsync(HttpMethod.Get, "api/v1/libraries?type=County")).GetProperty("items")[0].GetProperty("id").GetGuid();
            await ulla.SendAsync(HttpMethod.Post, "api/v1/api-keys", new { name = "Loggens nyckel", libraryId = county });
        }

        await SignInAsCountyAdminAsync("Händelselogg");
        await CheckPageAsync("county-audit");
        await Page.GetByLabel("Vem").FillAsync("LANSBIBLIOTEK@");
        await Page.GetByLabel("Vad").SelectOptionAsync(new SelectOptionValue { Label = "Integrationsnyckel" });
        await Page.GetByLabel("Från och med").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        var rows = Page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { HasText = "Loggens nyckel" });
        await Assertions.Expect(rows.First).ToContainTextAsync("Integrationsnyckel");
        await Assertions.Expect(rows.First).ToContainTextAsync("lansbibliotek@jonkoping.example.se");
        await Assertions.Expect(Page.Locator("tbody tr").Filter(new() { HasNotText = "Integrationsnyckel" })).ToHaveCountAsync(0);
        await CheckPageAsync("county-audit-filtered");

        await Page.GetByLabel("Till och med").FillAsync("2010-01-01");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#audit-from-error")).ToContainTextAsync("Från och med-dagen ska vara");
    }

    [Fact]
    public async Task The_outbox_is_the_administrators_it_shows_the_letters_filtered_by_state_and_a_county_admin_gets_a_kind_page()
    {
        await GoToAsync("logga-in");
        await SignInAsync(Ulla);
        await Assertions.Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Länet", Exact = true })).ToBeVisibleAsync();
        await GoToAsync("lan/utkorg");
        await Assertions.Expect(Heading("Den här sidan är inte din att se")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        // Signed out for certain before the next page load, which would otherwise cut the sign-out short and keep Ulla's session.
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Du är utloggad.");

        await GoToAsync("logga-in");
        await SignInAsync(DevAdministrator, DevAdministratorPassword);
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Länet", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Utkorgen" }).ClickAsync();
        await Assertions.Expect(Heading("Utkorgen")).ToBeVisibleAsync();
        await CheckPageAsync("county-outbox");
        await Page.GetByLabel("Läge").SelectOptionAsync(new SelectOptionValue { Label = "Gick inte fram" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        await Assertions.Expect(Page.GetByText(new Regex("Utkorgen är tom|Brev \\("))).ToBeVisibleAsync();
        await CheckPageAsync("county-outbox-failed");
    }

    [Fact]
    public async Task A_coordinator_sees_no_county_page_in_the_menu_and_gets_a_kind_page_at_their_addresses()
    {
        await GoToAsync("logga-in");
        await SignInAsync(Malin);
        var menu = Page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Samordna" })).ToBeVisibleAsync();
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Länet", Exact = true })).ToHaveCountAsync(0);

        foreach (var page in CountyPages)
        {
            await GoToAsync(page);
            await Assertions.Expect(Heading("Den här sidan är inte din att se")).ToBeVisibleAsync();
            await Assertions.Expect(Page.GetByRole(AriaRole.Tree)).ToHaveCountAsync(0);
            await Assertions.Expect(Page.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
        }

        await CheckPageAsync("county-not-yours");
    }

    private async Task SignInAsCountyAdminAsync(string page)
    {
        await GoToAsync("logga-in");
        await SignInAsync(Ulla);
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Länet", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = page }).ClickAsync();
        await Assertions.Expect(Heading(page)).ToBeVisibleAsync();
    }
}
