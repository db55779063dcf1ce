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
}
