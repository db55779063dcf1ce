using System.Globalization;
using EnSakITaget.Web.Common.Api;
using EnSakITaget.Web.ComponentTests.Common;
using EnSakITaget.Web.Libraries;

namespace EnSakITaget.Web.ComponentTests.Libraries;

/// <summary>The library tree's keys as the WAI-ARIA tree pattern has them, and its markup.</summary>
public sealed class LibraryTreeTests : ComponentTest
{
    private static readonly Guid County = Guid.NewGuid(), Aneby = Guid.NewGuid(), Mullsjo = Guid.NewGuid(), AnebyLibrary = Guid.NewGuid(), Bookmobile = Guid.NewGuid();

    private static List<LibraryTreeDto> Jonkoping() =>
    [
        Node(County, "Jönköpings län", LibraryNodeType.County,
            Node(Aneby, "Aneby", LibraryNodeType.Municipality,
                Node(AnebyLibrary, "Aneby bibliotek", LibraryNodeType.MainLibrary),
                Node(Bookmobile, "Bokbussen", LibraryNodeType.Bookmobile)),
            Node(Mullsjo, "Mullsjö", LibraryNodeType.Municipality)),
    ];

    [Fact]
    public void At_first_the_county_is_open_its_municipalities_show_and_the_focus_is_on_the_county()
    {
        var state = new LibraryTreeState();
        state.Show(Jonkoping());

        state.Visible().Select(v => v.Node.Name).ShouldBe(["Jönköpings län", "Aneby", "Mullsjö"]);
        state.FocusedId.ShouldBe(County);
    }

    [Fact]
    public void Arrow_down_and_up_move_between_visible_rows_and_stop_at_the_ends()
    {
        var state = new LibraryTreeState();
        state.Show(Jonkoping());

        state.Press("ArrowUp").ShouldBeTrue();
        state.FocusedId.ShouldBe(County);
        state.Press("ArrowDown");
        state.Press("ArrowDown");
        state.FocusedId.ShouldBe(Mullsjo);
        state.Press("ArrowDown");
        state.FocusedId.ShouldBe(Mullsjo);
        state.Press("Home");
        state.FocusedId.ShouldBe(County);
        state.Press("End");
        state.FocusedId.ShouldBe(Mullsjo);
    }

    [Fact]
    public void Arrow_right_opens_a_closed_row_and_then_goes_to_its_first_child_and_arrow_left_goes_back_and_closes()
    {
        var state = new LibraryTreeState();
        state.Show(Jonkoping());
        state.Press("ArrowDown");

        state.Press("ArrowRight");
        state.IsExpanded(Aneby).ShouldBeTrue();
        state.FocusedId.ShouldBe(Aneby);
        state.Press("ArrowRight");
        state.FocusedId.ShouldBe(AnebyLibrary);
        state.Press("ArrowRight");
        state.FocusedId.ShouldBe(AnebyLibrary);

        state.Press("ArrowLeft");
        state.FocusedId.ShouldBe(Aneby);
        state.Press("ArrowLeft");
        state.IsExpanded(Aneby).ShouldBeFalse();
        state.Visible().Select(v => v.Node.Name).ShouldBe(["Jönköpings län", "Aneby", "Mullsjö"]);
    }

    [Fact]
    public void Other_keys_are_left_to_the_browser()
    {
        var state = new LibraryTreeState();
        state.Show(Jonkoping());

        state.Press("Tab").ShouldBeFalse();
        state.Press("a").ShouldBeFalse();
    }

    [Fact]
    public void A_node_just_added_deep_in_the_tree_is_revealed_and_focused_and_a_new_tree_keeps_what_was_open()
    {
        var state = new LibraryTreeState();
        state.Show(Jonkoping());

        state.Reveal(Bookmobile);
        state.FocusedId.ShouldBe(Bookmobile);
        state.Show(Jonkoping());
        state.Visible().Select(v => v.Node.Name).ShouldContain("Bokbussen");
        state.FocusedId.ShouldBe(Bookmobile);
    }

    [Fact]
    public void The_tree_has_one_tab_stop_and_says_level_position_and_whether_a_row_is_open()
    {
        // In Swedish, as the app runs: an int formatted there writes minus one as U+2212, which no browser takes for a tab index.
        using var swedish = new SwedishCulture();
        var state = new LibraryTreeState();
        state.Show(Jonkoping());

        var tree = Render<LibraryTreeView>(ps => ps.Add(p => p.State, state).Add(p => p.LabelId, "tree-title"));

        tree.Find("[role=tree]").GetAttribute("aria-labelledby").ShouldBe("tree-title");
        var items = tree.FindAll("[role=treeitem]");
        items.Count.ShouldBe(3);
        items.Select(i => i.GetAttribute("tabindex")).ShouldBe(["0", "-1", "-1"]);
        items[0].GetAttribute("aria-expanded").ShouldBe("true");
        items[1].GetAttribute("aria-expanded").ShouldBe("false");
        items[2].HasAttribute("aria-expanded").ShouldBeFalse();
        items[1].GetAttribute("aria-level").ShouldBe("2");
        items.Select(i => i.ClassList.Single(c => c.StartsWith("tree__item--indent-", StringComparison.Ordinal))).ShouldBe(["tree__item--indent-0", "tree__item--indent-1", "tree__item--indent-1"]);
        items.ShouldAllBe(i => !i.HasAttribute("style"));
        items[2].GetAttribute("aria-posinset").ShouldBe("2");
        items[2].GetAttribute("aria-setsize").ShouldBe("2");
        tree.Find($"#label-{Aneby}").TextContent.ShouldBe("Aneby · Kommun 0604 · 7 anställda");

        tree.Find($"#node-{County}").KeyDown("ArrowDown");
        tree.Find($"#node-{Aneby}").KeyDown("ArrowRight");

        tree.FindAll("[role=treeitem]").Count.ShouldBe(5);
        tree.FindAll("[role=treeitem]").Select(i => i.GetAttribute("tabindex")).Count(t => t == "0").ShouldBe(1);
        tree.Find($"#node-{Aneby}").GetAttribute("tabindex").ShouldBe("0");
    }

    [Fact]
    public void Enter_chooses_the_focused_row()
    {
        var state = new LibraryTreeState();
        state.Show(Jonkoping());
        Guid? chosen = null;
        var tree = Render<LibraryTreeView>(ps => ps.Add(p => p.State, state).Add(p => p.LabelId, "t").Add(p => p.OnSelect, (Guid id) => chosen = id));

        tree.Find($"#node-{County}").KeyDown("End");
        tree.Find($"#node-{Mullsjo}").KeyDown("Enter");

        chosen.ShouldBe(Mullsjo);
    }

    [Fact]
    public void The_keys_act_on_the_row_that_has_the_focus_however_it_came_there_and_it_becomes_the_tab_stop()
    {
        var state = new LibraryTreeState();
        state.Show(Jonkoping());
        Guid? chosen = null;
        var tree = Render<LibraryTreeView>(ps => ps.Add(p => p.State, state).Add(p => p.LabelId, "t").Add(p => p.OnSelect, (Guid id) => chosen = id));

        // A click or a script puts the focus on Mullsjö while the tree still has the county as its tab stop.
        tree.Find($"#node-{Mullsjo}").FocusIn();
        state.FocusedId.ShouldBe(Mullsjo);
        tree.FindAll("[role=treeitem]").Select(i => i.GetAttribute("tabindex")).ShouldBe(["-1", "-1", "0"]);

        // A key on a row the state did not know of yet acts on that row all the same.
        state.Focus(County);
        tree.Find($"#node-{Aneby}").KeyDown("ArrowRight");
        state.IsExpanded(Aneby).ShouldBeTrue();
        state.FocusedId.ShouldBe(Aneby);
        tree.Find($"#node-{Aneby}").KeyDown(" ");
        chosen.ShouldBe(Aneby);
    }

    [Fact]
    public void An_arrow_moves_the_browser_s_focus_to_the_row_it_moves_to()
    {
        var state = new LibraryTreeState();
        state.Show(Jonkoping());
        var module = JSInterop.SetupModule("./js/tree.js");
        var tree = Render<LibraryTreeView>(ps => ps.Add(p => p.State, state).Add(p => p.LabelId, "t"));

        tree.Find($"#node-{County}").KeyDown("ArrowDown");

        module.VerifyInvoke("focus").Arguments[1].ShouldBe(Aneby.ToString());
        state.FocusedId.ShouldBe(Aneby);
    }

    private static LibraryTreeDto Node(Guid id, string name, LibraryNodeType type, params LibraryTreeDto[] children) => new()
    {
        Id = id,
        Name = name,
        Type = type,
        MunicipalityCode = name == "Aneby" ? "0604" : type == LibraryNodeType.Municipality ? "0642" : null,
        CountyCode = type == LibraryNodeType.County ? "06" : null,
        TotalStaffCount = 7,
        Children = [.. children],
    };

    private sealed class SwedishCulture : IDisposable
    {
        private readonly CultureInfo culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

        public SwedishCulture() => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("sv-SE");

        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
    }
}
