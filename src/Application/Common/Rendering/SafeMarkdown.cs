using Ganss.Xss;
using Markdig;
using Markdig.Syntax;

namespace EnSakITaget.Application.Common.Rendering;

/// <summary>
/// Turns Markdown written by people (a thing's instructions, a blog post, a comment) into HTML that is
/// safe to show anywhere: raw HTML in the source is escaped, and what Markdig makes is sanitised again,
/// so no script, event handler, style or non-web link survives. Links leave with rel="nofollow noopener".
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <param name="topHeadingLevel">
    /// The level the source's highest heading becomes, so that a text shown under a page's own h1 and
    /// h2 does not compete with them: with 3, "# A" and "## B" become h3 and h4. The rest keep their
    /// order, none goes past h6, and none is ever raised.
    /// </param>
    public static string ToHtml(string? markdown, int topHeadingLevel = 1)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        var document = Markdown.Parse(markdown, Pipeline);
        LowerHeadings(document, Math.Clamp(topHeadingLevel, 1, 6));
        var html = document.ToHtml(Pipeline);
        return Sanitizer.Sanitize(html).Trim();
    }

    private static void LowerHeadings(MarkdownDocument document, int topHeadingLevel)
    {
        var headings = document.Descendants<HeadingBlock>().ToList();
        if (headings.Count == 0)
        {
            return;
        }

        var shift = topHeadingLevel - headings.Min(h => h.Level);
        if (shift <= 0)
        {
            return;
        }

        foreach (var heading in headings)
        {
            heading.Level = Math.Min(6, heading.Level + shift);
        }
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "ins", "mark", "sub", "sup",
                "blockquote", "code", "pre", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title", "start", "align" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", "nofollow noopener");
            }
        };
        return sanitizer;
    }
}
