using EnSakITaget.Web.ComponentTests.Common;
using EnSakITaget.Web.Coordination;

namespace EnSakITaget.Web.ComponentTests.Coordination;

public sealed class BarChartTests : ComponentTest
{
    [Fact]
    public void A_chart_is_an_image_named_by_its_title_and_description_with_a_table_of_every_figure()
    {
        IReadOnlyList<ChartBar> bars = [new("Sak 1: Plattformen", "1", 3), new("Sak 2: Bloggar", "2", 6), new("Sak 3: Bilder (inte ute)", "3", 0, Highlight: true)];

        var chart = Render<BarChart>(ps => ps
            .Add(p => p.Id, "spread").Add(p => p.Title, "Står vid varje sak").Add(p => p.Description, "Flest står vid sak 2.")
            .Add(p => p.LabelHeader, "Sak").Add(p => p.ValueHeader, "Står här").Add(p => p.Bars, bars));

        var svg = chart.Find("svg");
        svg.GetAttribute("role").ShouldBe("img");
        svg.GetAttribute("aria-labelledby").ShouldBe("spread-title spread-desc");
        chart.Find("#spread-title").TextContent.ShouldBe("Står vid varje sak");
        chart.Find("#spread-desc").TextContent.ShouldBe("Flest står vid sak 2.");
        chart.FindAll("rect.chart__bar").Select(r => double.Parse(r.GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe([90, 180, 0]);
        chart.Find("caption").TextContent.ShouldBe("Står vid varje sak");
        chart.FindAll("tbody tr").Select(r => $"{r.QuerySelector("th")!.TextContent}={r.QuerySelector("td")!.TextContent}")
            .ShouldBe(["Sak 1: Plattformen=3", "Sak 2: Bloggar=6", "Sak 3: Bilder (inte ute)=0"]);
    }

    [Fact]
    public void A_picture_wider_than_the_screen_scrolls_in_a_named_region_the_keyboard_reaches()
    {
        IReadOnlyList<ChartBar> bars = [new("Sak 1", "1", 3), new("Sak 2", "2", 6)];

        var chart = Render<BarChart>(ps => ps
            .Add(p => p.Id, "spread").Add(p => p.Title, "Står vid varje sak").Add(p => p.Description, "–")
            .Add(p => p.LabelHeader, "Sak").Add(p => p.ValueHeader, "Står här").Add(p => p.Bars, bars));

        var region = chart.Find(".chart__scroll");
        region.GetAttribute("role").ShouldBe("region");
        region.GetAttribute("tabindex").ShouldBe("0");
        region.GetAttribute("aria-labelledby").ShouldBe("spread-title");
        region.QuerySelector("svg[role=img]").ShouldNotBeNull();
        chart.Find("svg").ClassList.ShouldContain("chart__picture");
    }

    [Fact]
    public void Labels_too_wide_for_their_bars_are_slanted_and_the_picture_grows_to_hold_them()
    {
        IReadOnlyList<ChartBar> narrow = [new("Sak 1", "1", 3), new("Sak 2", "2", 6)];
        IReadOnlyList<ChartBar> municipalities = [.. Enumerable.Range(1, 13).Select(i => new ChartBar($"Kommun {i} kommuns bibliotek", $"Jönköping{i}", i))];

        var upright = Render<BarChart>(ps => ps
            .Add(p => p.Id, "spread").Add(p => p.Title, "Står vid varje sak").Add(p => p.Description, "–")
            .Add(p => p.LabelHeader, "Sak").Add(p => p.ValueHeader, "Står här").Add(p => p.Bars, narrow));
        var slanted = Render<BarChart>(ps => ps
            .Add(p => p.Id, "coverage").Add(p => p.Title, "Täckning per kommun").Add(p => p.Description, "–")
            .Add(p => p.LabelHeader, "Kommun").Add(p => p.ValueHeader, "Täckning").Add(p => p.Bars, municipalities));

        upright.FindAll("text.chart__axis[transform]").ShouldBeEmpty();
        upright.Find("svg").GetAttribute("viewBox").ShouldBe("0 0 800 240");
        var labels = slanted.FindAll("text.chart__axis[transform]");
        labels.Count.ShouldBe(13);
        labels.ShouldAllBe(l => l.GetAttribute("transform")!.StartsWith("rotate(-40 ", StringComparison.Ordinal) && l.GetAttribute("text-anchor") == "end");
        var height = int.Parse(slanted.Find("svg").GetAttribute("viewBox")!.Split(' ')[3], System.Globalization.CultureInfo.InvariantCulture);
        height.ShouldBeGreaterThan(240);
    }

    [Fact]
    public void A_slanted_label_s_rotation_is_written_as_svg_reads_it_whatever_the_reader_s_language()
    {
        IReadOnlyList<ChartBar> municipalities = [.. Enumerable.Range(1, 13).Select(i => new ChartBar($"Kommun {i}", $"Jönköping{i}", i))];
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("sv-SE");
        try
        {
            var chart = Render<BarChart>(ps => ps
                .Add(p => p.Id, "coverage").Add(p => p.Title, "Täckning per kommun").Add(p => p.Description, "–")
                .Add(p => p.LabelHeader, "Kommun").Add(p => p.ValueHeader, "Täckning").Add(p => p.Bars, municipalities));

            chart.FindAll("text.chart__axis[transform]")
                .ShouldAllBe(l => System.Text.RegularExpressions.Regex.IsMatch(l.GetAttribute("transform")!, @"^rotate\(-40 [0-9.]+ [0-9.]+\)$"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }
}
