using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Xml;
using EnSakITaget.Application.Community.ReadPublicBlog;

namespace EnSakITaget.Api.Community;

/// <summary>
/// A library's public blog as plain HTML, made on the server (no WebAssembly, nothing to run: fast
/// and indexable), and as an Atom feed (RFC 4287). The posts' HTML is the safe HTML of the one
/// Markdown renderer; everything else is encoded here.
/// </summary>
internal static class PublicBlogPages
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>The pages' only style, inline: allowed by its hash, so no other style and no script can run.</summary>
    private const string Style =
        "body{font-family:system-ui,sans-serif;line-height:1.6;max-width:42rem;margin:0 auto;padding:1rem;color:#1a1a1a;background:#fff}" +
        "a{color:#0b4f9c;text-decoration:underline}a:focus{outline:3px solid #0b4f9c;outline-offset:2px}" +
        "header,footer{border-bottom:1px solid #767676;margin-bottom:1.5rem}footer{border-top:1px solid #767676;border-bottom:0;margin-top:2rem}" +
        "article{margin-bottom:2.5rem}.meta{color:#4a4a4a;font-size:.95rem}img{max-width:100%;height:auto}" +
        "table{border-collapse:collapse}th,td{border:1px solid #767676;padding:.25rem .5rem}pre{overflow-x:auto}";

    /// <summary>What the pages may load: their one inline style, and images of posts from the web. No script, no form, no frame.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; img-src https: data:; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static string Index(PublicBlogDto blog)
    {
        var body = new StringBuilder();
        body.Append("<main><h1>").Append(Encode(blog.LibraryName)).Append(" – blogg</h1>");
        if (blog.Posts.Count == 0)
        {
            body.Append("<p>Här finns inga inlägg ännu.</p>");
        }

        foreach (var post in blog.Posts)
        {
            body.Append("<article><h2><a href=\"").Append(Encode(PostPath(blog, post))).Append("\">").Append(Encode(post.Title)).Append("</a></h2>");
            AppendMeta(body, post);
            body.Append(post.BodyHtml).Append("</article>");
        }

        if (blog.Page > 1 || blog.HasMore)
        {
            body.Append("<nav aria-label=\"Fler inlägg\"><ul>");
            if (blog.Page > 1)
            {
                body.Append("<li><a href=\"").Append(Encode(BlogPath(blog))).Append("?page=").Append(blog.Page - 1).Append("\">Nyare inlägg</a></li>");
            }

            if (blog.HasMore)
            {
                body.Append("<li><a href=\"").Append(Encode(BlogPath(blog))).Append("?page=").Append(blog.Page + 1).Append("\">Äldre inlägg</a></li>");
            }

            body.Append("</ul></nav>");
        }

        body.Append("</main>");
        return Page(blog, $"{blog.LibraryName} – blogg", body.ToString());
    }

    public static string Post(PublicBlogDto blog, PublicPostDto post)
    {
        var body = new StringBuilder("<main><article><h1>").Append(Encode(post.Title)).Append("</h1>");
        AppendMeta(body, post);
        body.Append(post.BodyHtml).Append("</article><p><a href=\"").Append(Encode(BlogPath(blog))).Append("\">Alla inlägg i ")
            .Append(Encode(blog.LibraryName)).Append("s blogg</a></p></main>");
        return Page(blog, $"{post.Title} – {blog.LibraryName}", body.ToString());
    }

    /// <summary>RFC 4287: the feed's id, title, updated, author and self link; each entry's id, title, updated, link and content.</summary>
    public static string Feed(PublicBlogDto blog, string origin)
    {
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, OmitXmlDeclaration = false };
        using (var xml = XmlWriter.Create(new StringWriterWithUtf8(text), settings))
        {
            const string atom = "http://www.w3.org/2005/Atom";
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", atom);
            xml.WriteAttributeString("xml", "lang", null, "sv");
            xml.WriteElementString("id", atom, $"urn:uuid:{blog.LibraryId}");
            xml.WriteElementString("title", atom, $"{blog.LibraryName} – blogg");
            xml.WriteElementString("updated", atom, Rfc3339(blog.Updated ?? DateTimeOffset.UnixEpoch));
            xml.WriteStartElement("author", atom);
            xml.WriteElementString("name", atom, blog.LibraryName);
            xml.WriteEndElement();
            WriteLink(xml, atom, "self", $"{origin}{BlogPath(blog)}/feed.atom", "application/atom+xml");
            WriteLink(xml, atom, "alternate", $"{origin}{BlogPath(blog)}", "text/html");
            foreach (var post in blog.Posts)
            {
                xml.WriteStartElement("entry", atom);
                xml.WriteElementString("id", atom, $"urn:uuid:{post.Id}");
                xml.WriteElementString("title", atom, post.Title);
                xml.WriteElementString("published", atom, Rfc3339(post.PublishedAt));
                xml.WriteElementString("updated", atom, Rfc3339(post.UpdatedAt));
                xml.WriteStartElement("author", atom);
                xml.WriteElementString("name", atom, post.AuthorName);
                xml.WriteEndElement();
                WriteLink(xml, atom, "alternate", $"{origin}{PostPath(blog, post)}", "text/html");
                xml.WriteStartElement("content", atom);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(post.BodyHtml);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return text.ToString();
    }

    public static string NotFound() =>
        Document("Sidan finns inte", null, "<main><h1>Sidan finns inte</h1><p>Det finns ingen sådan blogg eller inget sådant inlägg.</p></main>");

    private static string BlogPath(PublicBlogDto blog) => $"/blogg/{Uri.EscapeDataString(blog.MunicipalityCode)}";

    private static string PostPath(PublicBlogDto blog, PublicPostDto post) => $"{BlogPath(blog)}/{Uri.EscapeDataString(post.Slug)}";

    private static void AppendMeta(StringBuilder body, PublicPostDto post) =>
        body.Append("<p class=\"meta\">").Append(Encode(post.AuthorName)).Append(", <time datetime=\"").Append(Rfc3339(post.PublishedAt)).Append("\">")
            .Append(Encode(post.PublishedAt.ToString("d MMMM yyyy", Swedish))).Append("</time></p>");

    private static string Page(PublicBlogDto blog, string title, string main) =>
        Document(title, $"<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{Encode(blog.LibraryName)} – blogg\" href=\"{Encode(BlogPath(blog))}/feed.atom\">",
            $"<header><p><a href=\"{Encode(BlogPath(blog))}\">{Encode(blog.LibraryName)}</a></p></header>{main}" +
            $"<footer><p>Skrivet av personalen i kursen En sak i taget. <a href=\"{Encode(BlogPath(blog))}/feed.atom\">Prenumerera (Atom)</a></p></footer>");

    private static string Document(string title, string? head, string body) =>
        $"<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{Encode(title)}</title><style>{Style}</style>{head}</head><body>{body}</body></html>";

    private static void WriteLink(XmlWriter xml, string atom, string rel, string href, string type)
    {
        xml.WriteStartElement("link", atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Rfc3339(DateTimeOffset moment) => moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Escapes markup but leaves å, ä and ö as they are, so the page's source reads as Swedish.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Encode(string text) => Html.Encode(text);

    private sealed class StringWriterWithUtf8(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
