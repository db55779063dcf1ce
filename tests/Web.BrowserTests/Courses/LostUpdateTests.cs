using System.Text.RegularExpressions;
using EnSakITaget.Web.BrowserTests.Common;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Courses;

/// <summary>Two county admins edit the same course in two browsers: the second save is refused in Swedish, and nothing is lost.</summary>
public sealed class LostUpdateTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    private const string CountyAdmin = "lansbibliotek@jonkoping.example.se";

    private readonly Browser windows = browser;

    [Fact]
    public async Task The_second_of_two_admins_who_save_the_same_course_is_told_in_swedish_to_reload_and_the_first_change_is_kept()
    {
        await StartSignedInAsync(CountyAdmin);
        await MainMenu().GetByRole(AriaRole.Link, new() { Name = "Kurser" }).ClickAsync();
        await Page.GetByLabel("Kursens namn").FillAsync("Källkritik");
        await Page.GetByLabel("Beskrivning").FillAsync("Att granska det man läser.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skapa kursen" }).ClickAsync();
        await Assertions.Expect(Heading("Kurs: Källkritik")).ToBeVisibleAsync();
        var editor = Regex.Match(Page.Url, "kurser/[0-9a-f-]{36}").Value;

        var other = await windows.OpenAsync();
        try
        {
            var first = other.Pages.Count > 0 ? other.Pages[0] : await other.NewPageAsync();
            await first.GotoAsync(new Uri(Server.BaseAddress, "logga-in").ToString());
            await first.GetByLabel("E-post").FillAsync(CountyAdmin);
            await first.GetByLabel("Lösenord").FillAsync(DemoPassword);
            await first.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
            await first.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Kurser" }).ClickAsync();
            await Assertions.Expect(first.GetByRole(AriaRole.Heading, new() { Name = "Länets kurser", Level = 1 })).ToBeVisibleAsync();
            await first.GotoAsync(new Uri(Server.BaseAddress, editor).ToString());
            await Assertions.Expect(first.GetByRole(AriaRole.Heading, new() { Name = "Kurs: Källkritik", Level = 1 })).ToBeVisibleAsync();

            // Both have read the course; the other window saves first.
            await first.GetByLabel("Kursens namn").FillAsync("Källkritik på nätet");
            await first.GetByRole(AriaRole.Button, new() { Name = "Spara uppgifterna" }).ClickAsync();
            await Assertions.Expect(first.GetByRole(AriaRole.Status).Filter(new() { HasText = "sparade" })).ToHaveTextAsync("Uppgifterna är sparade.");
        }
        finally
        {
            await other.CloseAsync();
        }

        await Page.GetByLabel("Beskrivning").FillAsync("Att granska det man läser, med övningar.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Spara uppgifterna" }).ClickAsync();
        var refusal = Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Någon annan har ändrat" });
        await Assertions.Expect(refusal).ToContainTextAsync("Ladda om sidan");
        await CheckPageAsync("course-editor-changed-meanwhile");

        // Saving again without reloading is refused again rather than overwriting.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Spara uppgifterna" }).ClickAsync();
        await Assertions.Expect(refusal).ToBeVisibleAsync();

        // After a reload the first change is there, and the second is made on top of it.
        await Page.ReloadAsync();
        await Assertions.Expect(Heading("Kurs: Källkritik på nätet")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByLabel("Beskrivning")).ToHaveValueAsync("Att granska det man läser.");
        await Page.GetByLabel("Beskrivning").FillAsync("Att granska det man läser, med övningar.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Spara uppgifterna" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "sparade" })).ToHaveTextAsync("Uppgifterna är sparade.");
        await Page.ReloadAsync();
        await Assertions.Expect(Heading("Kurs: Källkritik på nätet")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByLabel("Beskrivning")).ToHaveValueAsync("Att granska det man läser, med övningar.");
    }
}
