using EnSakITaget.Application.Common.Rendering;

namespace EnSakITaget.Application.UnitTests.Common.Rendering;

public sealed class SafeMarkdownTests
{
    [Fact]
    public void Markdown_becomes_html_with_headings_emphasis_lists_and_links()
    {
        var html = SafeMarkdown.ToHtml("## Sak 1\n\nSkapa en **blogg** på [WordPress](https://wordpress.com).\n\n- ett\n- två");

        html.ShouldContain("<h2");
        html.ShouldContain("<strong>blogg</strong>");
        html.ShouldContain("<li>två</li>");
        html.ShouldContain("href=\"https://wordpress.com\"");
    }

    [Fact]
    public void Headings_start_at_the_level_asked_for_and_keep_their_order_up_to_h6()
    {
        var html = SafeMarkdown.ToHtml("# Sak 1\n\n## Gör så här\n\n###### Längst ner", topHeadingLevel: 3);

        html.ShouldContain("<h3>Sak 1</h3>");
        html.ShouldContain("<h4>Gör så här</h4>");
        html.ShouldContain("<h6>Längst ner</h6>");
        html.ShouldNotContain("<h1");
        html.ShouldNotContain("<h2");
    }

    [Fact]
    public void Headings_already_below_the_level_asked_for_are_left_as_written()
    {
        SafeMarkdown.ToHtml("#### Tips\n\n##### Mer", topHeadingLevel: 3).ShouldSatisfyAllConditions(
            html => html.ShouldContain("<h4>Tips</h4>"),
            html => html.ShouldContain("<h5>Mer</h5>"));
    }

    [Fact]
    public void Every_link_leaves_with_nofollow_and_noopener()
    {
        SafeMarkdown.ToHtml("[a](https://example.se) och https://bibliotek.se").ShouldSatisfyAllConditions(
            html => html.ShouldContain("rel=\"nofollow noopener\""),
            html => html.Split("rel=\"nofollow noopener\"").Length.ShouldBe(3));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<svg onload=alert(1)><circle/></svg>")]
    [InlineData("<a href=\"javascript:alert(1)\">klick</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    public void Raw_html_in_the_source_is_shown_as_text_not_run(string attack)
    {
        var html = SafeMarkdown.ToHtml(attack);

        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("<svg", Case.Insensitive);
        html.ShouldNotContain("<iframe", Case.Insensitive);
        html.ShouldNotContain("<img", Case.Insensitive);
        html.ShouldNotContain("<a ", Case.Insensitive);
    }

    [Theory]
    [InlineData("[klick](javascript:alert(1))")]
    [InlineData("[klick](JaVaScRiPt:alert(1))")]
    [InlineData("[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[klick](vbscript:msgbox(1))")]
    public void A_markdown_link_to_script_loses_its_target(string attack)
    {
        var html = SafeMarkdown.ToHtml(attack);

        html.ShouldNotContain("javascript:", Case.Insensitive);
        html.ShouldNotContain("data:", Case.Insensitive);
        html.ShouldNotContain("vbscript:", Case.Insensitive);
    }

    [Fact]
    public void A_markdown_image_keeps_its_web_source_and_alt_text_but_no_handlers()
    {
        var html = SafeMarkdown.ToHtml("![Logga](https://bibliotek.se/logga.png \"x\\\" onerror=\\\"alert(1)\")");

        html.ShouldContain("src=\"https://bibliotek.se/logga.png\"");
        html.ShouldContain("alt=\"Logga\"");
        html.ShouldNotContain("onerror=\"", Case.Insensitive);
    }

    [Fact]
    public void Empty_text_gives_empty_html()
    {
        SafeMarkdown.ToHtml("   ").ShouldBeEmpty();
        SafeMarkdown.ToHtml(null).ShouldBeEmpty();
    }
}
