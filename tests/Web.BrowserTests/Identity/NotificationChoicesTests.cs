using EnSakITaget.Web.BrowserTests.Common;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Identity;

/// <summary>The e-mail choices on the settings page (GET/PUT /api/v1/me/notifications), with the keyboard and axe-core.</summary>
public sealed class NotificationChoicesTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    [Fact]
    public async Task A_participant_chooses_by_keyboard_which_e_mails_to_get_and_finds_the_choice_after_a_reload()
    {
        await StartSignedInAsync(Johan);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Inställningar" }).ClickAsync();
        var choices = Page.Locator("#notifications");
        var released = choices.GetByRole(AriaRole.Group, new() { Name = "När en ny sak släpps" });
        await Assertions.Expect(released.GetByRole(AriaRole.Radio, new() { Name = "Genast" })).ToBeCheckedAsync();
        await CheckPageAsync("settings-notifications");

        // Within a group the arrow keys choose: Genast → En gång i veckan → Av.
        await released.GetByRole(AriaRole.Radio, new() { Name = "Genast" }).FocusAsync();
        await Page.Keyboard.PressAsync("ArrowRight");
        await Page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(released.GetByRole(AriaRole.Radio, new() { Name = "Av" })).ToBeCheckedAsync();
        var nudges = choices.GetByRole(AriaRole.Group, new() { Name = "Påminnelser från samordnaren" });
        await nudges.GetByRole(AriaRole.Radio, new() { Name = "En gång i veckan" }).CheckAsync();
        await TabToAsync("Spara valen");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(choices.GetByRole(AriaRole.Status)).ToHaveTextAsync("Dina val för mejl är sparade.");

        await Page.ReloadAsync();
        await Assertions.Expect(released.GetByRole(AriaRole.Radio, new() { Name = "Av" })).ToBeCheckedAsync();
        await Assertions.Expect(nudges.GetByRole(AriaRole.Radio, new() { Name = "En gång i veckan" })).ToBeCheckedAsync();
        await Assertions.Expect(choices.GetByRole(AriaRole.Group, new() { Name = "När enkäten öppnar" }).GetByRole(AriaRole.Radio, new() { Name = "Genast" })).ToBeCheckedAsync();
    }
}
