using System.Text.RegularExpressions;
using EnSakITaget.Web.BrowserTests.Common;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Courses;

/// <summary>The county admin writes a course and plans a round of it in the browser, with axe-core on every page.</summary>
public sealed class CourseEditorTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    private const string CountyAdmin = "lansbibliotek@jonkoping.example.se";

    private static readonly (string Title, int Minutes)[] Things =
    [
        ("Lärplattformen", 30), ("Bloggar", 60), ("Facebook", 45), ("Google", 45),
        ("Wikipedia", 45), ("Biblioteket", 60), ("Bild & film", 60), ("Musik", 45),
    ];

    [Fact]
    public async Task A_county_admin_writes_and_publishes_sociala_medier_reorders_by_keyboard_and_plans_varnamo_s_round_with_a_summer_pause()
    {
        await GoToAsync("logga-in");
        await SignInAsync(CountyAdmin);
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Kurser" }).ClickAsync();
        await Assertions.Expect(Heading("Länets kurser")).ToBeVisibleAsync();
        await CheckPageAsync("county-courses");

        await Page.GetByLabel("Kursens namn").FillAsync("Sociala medier");
        await Page.GetByLabel("Beskrivning").FillAsync("En sak i taget: åtta saker om sociala medier för bibliotekets personal.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skapa kursen" }).ClickAsync();
        await Assertions.Expect(Heading("Kurs: Sociala medier")).ToBeVisibleAsync();
        var courseId = Regex.Match(Page.Url, "kurser/([0-9a-f-]{36})").Groups[1].Value;

        var status = Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "tillagd" });
        for (var i = 0; i < Things.Length; i++)
        {
            var (title, minutes) = Things[i];
            await Page.GetByLabel("Sakens namn").FillAsync(title);
            await Page.GetByLabel("Instruktioner", new() { Exact = true }).FillAsync($"## {title}\n\nLäs om *{title}* och pröva själv.\n\n- Logga in\n- Skriv några rader");
            await Page.GetByLabel("Ungefärlig tid i minuter").FillAsync(minutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Page.GetByLabel("Vad deltagaren ska redovisa").FillAsync("Skriv ett blogginlägg om vad du har gjort.");
            if (i == 0)
            {
                await Page.GetByLabel("Länkar").FillAsync("https://www.wikipedia.org/");
                await Page.GetByRole(AriaRole.Button, new() { Name = "Förhandsgranska" }).ClickAsync();
                var preview = Page.GetByRole(AriaRole.Region, new() { Name = "Så här ser deltagarna instruktionerna" });
                await Assertions.Expect(preview.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
                await Assertions.Expect(preview.Locator("em")).ToHaveTextAsync(title);
                await CheckPageAsync("course-editor-preview");
            }

            await Page.GetByRole(AriaRole.Button, new() { Name = "Lägg till saken" }).ClickAsync();
            await Assertions.Expect(status).ToHaveTextAsync($"{title} är tillagd som sak {i + 1}.");
        }

        var things = Page.Locator("ol.course-things > li h3");
        await Assertions.Expect(things).ToHaveCountAsync(8);

        // Bloggar and Facebook change places by keyboard: the focus stays on the button pressed.
        var moveDown = Page.Locator("ol.course-things > li").Nth(1).GetByRole(AriaRole.Button, new() { Name = "Flytta ner" });
        await moveDown.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "flyttad" })).ToHaveTextAsync("Bloggar är flyttad till plats 3 av 8.");
        await Assertions.Expect(things.Nth(1)).ToHaveTextAsync("Sak 2: Facebook");
        await Assertions.Expect(things.Nth(2)).ToHaveTextAsync("Sak 3: Bloggar");
        await Assertions.Expect(Page.Locator("ol.course-things > li").Nth(2).GetByRole(AriaRole.Button, new() { Name = "Flytta ner" })).ToBeFocusedAsync();
        await CheckPageAsync("course-editor-things");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Publicera version 1" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "publicerad" })).ToHaveTextAsync("Version 1 är publicerad.");
        var versions = Page.GetByRole(AriaRole.Table, new() { Name = "Publicerade versioner" });
        await Assertions.Expect(versions.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Börja på version 2" })).ToBeVisibleAsync();
        await CheckPageAsync("course-editor-published");

        await GoToAsync("kurser/omgang/ny");
        await Assertions.Expect(Heading("Planera en omgång")).ToBeVisibleAsync();
        await Page.GetByLabel("Kurs (publicerad version)").SelectOptionAsync(new SelectOptionValue { Value = courseId });
        await Page.GetByLabel("Bibliotek (kommun)").SelectOptionAsync(new SelectOptionValue { Label = "Värnamo kommuns bibliotek" });
        await Page.GetByLabel("Omgångens namn").FillAsync("Sociala medier – Värnamo 2027");
        await Page.GetByLabel("Malin Ekdahl").CheckAsync();
        await Page.GetByLabel("Kick-off").FillAsync("2027-02-22");
        await Page.GetByLabel("Sista dag").FillAsync("2027-06-30");
        await Page.GetByLabel("En sak var … vecka").FillAsync("3");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Lägg till ett uppehåll" }).ClickAsync();
        await Page.GetByLabel("Från").FillAsync("2027-06-21");
        await Page.GetByLabel("Till och med").FillAsync("2027-08-08");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Visa planen" }).ClickAsync();

        // A deadline before the summer leaves no room for the last things: the API says so by the field.
        var deadline = Page.GetByLabel("Sista dag");
        await Assertions.Expect(deadline).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(Page.Locator("#round-deadline-error")).ToContainTextAsync("till sista dagen 2027-06-30.");
        await Assertions.Expect(Page.Locator("#round-deadline-error")).Not.ToContainTextAsync("deadline");
        await CheckPageAsync("round-form-refused");

        await deadline.FillAsync("2027-09-30");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Visa planen" }).ClickAsync();
        var plan = Page.GetByRole(AriaRole.Table, new() { Name = "Sakerna och när de kommer ut" });
        await Assertions.Expect(plan.GetByRole(AriaRole.Row)).ToHaveCountAsync(9);
        await Assertions.Expect(plan.GetByRole(AriaRole.Row).Nth(7)).ToContainTextAsync("9 aug. 2027");
        await Assertions.Expect(Page.Locator("#round-deadline-error")).ToHaveCountAsync(0);
        await CheckPageAsync("round-form-plan");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Spara omgången som utkast" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "sparad som utkast" })).ToContainTextAsync("Sociala medier – Värnamo 2027");
    }
}
