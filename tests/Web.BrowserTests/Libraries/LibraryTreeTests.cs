using System.Text.RegularExpressions;
using EnSakITaget.Web.BrowserTests.Common;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Libraries;

/// <summary>The county administrator builds Jönköping county's tree in the browser: add, rename, move, refused and allowed deletes, the API's field error next to the field.</summary>
public sealed class LibraryTreeTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    private const string Ulla = "lansbibliotek@jonkoping.example.se";

    [Fact]
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

        // Rename by keyboard, with the WAI-ARIA tree's keys: a click puts the focus on Mullsjö (open,
        // since rows were just added under it); left closes it, right opens it, right again goes
        // to its first row, down to the next, and Enter chooses.
        await WatchFocusAsync();
        await Row("Mullsjö kommuns bibliotek").ClickAsync();
        await ShouldBeFocusedAsync("Mullsjö kommuns bibliotek", "after a click");
        await PressAsync("ArrowLeft", "Mullsjö kommuns bibliotek");
        await Assertions.Expect(Item("Mullsjö kommuns bibliotek")).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(Item("Sandhems filial")).ToHaveCountAsync(0);
        await PressAsync("ArrowRight", "Mullsjö kommuns bibliotek");
        await Assertions.Expect(Item("Mullsjö kommuns bibliotek")).ToHaveAttributeAsync("aria-expanded", "true");
        await PressAsync("ArrowRight", "Mullsjö bibliotek");
        await PressAsync("ArrowDown", "Sandhems filial");
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
        await ShouldBeFocusedAsync("Värnamo kommuns bibliotek", "after a click");
        await PressAsync("ArrowRight", "Värnamo kommuns bibliotek");
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

    /// <summary>Presses a key in the tree and checks where the focus went, naming where it is instead if not there.</summary>
    private async Task PressAsync(string key, string focused)
    {
        await Page.Keyboard.PressAsync(key);
        await ShouldBeFocusedAsync(focused, $"after {key}");
    }

    private async Task ShouldBeFocusedAsync(string name, string when)
    {
        try
        {
            await Assertions.Expect(Item(name)).ToBeFocusedAsync(new() { Timeout = 5_000 });
        }
        catch (PlaywrightException)
        {
            var active = await Page.EvaluateAsync<string>(
                "() => { const e = document.activeElement; return e?.querySelector?.(':scope > .tree__row .tree__name')?.textContent ?? (e ? `<${e.tagName.toLowerCase()} id=${e.id}>` : 'nothing'); }");
            var moves = await Page.EvaluateAsync<string>("() => (window.focusMoves || []).join('; ')");
            var row = await Item(name).EvaluateAsync<string>("e => e.outerHTML.slice(0, 400) + ' tabIndex=' + e.tabIndex + ' inert=' + !!e.closest('[inert]') + ' dialogs=' + document.querySelectorAll('dialog[open]').length");
            moves += " / " + row;
            throw new ShouldAssertException($"{when} the focus should be on {name} but is on {active}; the focus moved: {moves}");
        }
    }

    /// <summary>Keeps a log of where the focus goes (and whether what lost it is still on the page), for a failure to tell.</summary>
    private Task WatchFocusAsync() => Page.EvaluateAsync(
        """
        () => {
          if (window.focusMoves) return;
          window.focusMoves = [];
          const name = (e) => e?.querySelector?.(':scope > .tree__row .tree__name')?.textContent ?? `<${e?.tagName?.toLowerCase()} id=${e?.id}>`;
          document.addEventListener('focusin', (e) => focusMoves.push(`in ${name(e.target)}`), true);
          document.addEventListener('focusout', (e) => queueMicrotask(() => focusMoves.push(`out ${name(e.target)}${e.target.isConnected ? '' : ' (removed)'}`)), true);
          document.addEventListener('mousedown', (e) => focusMoves.push(`mousedown ${name(e.target.closest('li') ?? e.target)}`), true);
        }
        """);

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
