using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Community.ReadPublicBlog;
using Mediator;

namespace EnSakITaget.Api.Community;

/// <summary>
/// A library's public blog at <c>/blogg/{municipalityCode}</c>, beside the API and the web app:
/// readable without signing in, as HTML pages and an Atom feed. Only posts their authors asked for
/// and a coordinator approved, none hidden, no comments, nobody's e-mail.
/// </summary>
internal static class PublicBlogSite
{
    public const string Prefix = "blogg";

    private const string Code = "{municipalityCode:regex(^[0-9]{{4}}$)}";

    public static WebApplication MapPublicBlog(this WebApplication app)
    {
        var blog = app.MapGroup($"/{Prefix}/{Code}").AllowAnonymous().ExcludeFromDescription();
        blog.MapGet("/", ReadPublicBlog);
        blog.MapGet("/feed.atom", ReadPublicBlogFeed);
        blog.MapGet("/{post}", ReadPublicPost);

        // Any other address under the blog is a Swedish "not found" page, not the web app and not a sign-in demand.
        app.MapGet($"/{Prefix}/{{**rest}}", () => Results.Content(PublicBlogPages.NotFound(), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReadPublicBlog(string municipalityCode, ISender sender, CancellationToken cancellationToken, int page = 1) =>
        await PageAsync(async () => PublicBlogPages.Index(await sender.Send(new ReadPublicBlogQuery(municipalityCode, Math.Max(page, 1)), cancellationToken)));

    private static async Task<IResult> ReadPublicPost(string municipalityCode, string post, ISender sender, CancellationToken cancellationToken) =>
        await PageAsync(async () =>
        {
            var (blog, read) = await sender.Send(new ReadPublicPostQuery(municipalityCode, post), cancellationToken);
            return PublicBlogPages.Post(blog, read);
        });

    private static async Task<IResult> ReadPublicBlogFeed(string municipalityCode, HttpRequest request, ISender sender, CancellationToken cancellationToken)
    {
        try
        {
            var blog = await sender.Send(new ReadPublicBlogQuery(municipalityCode), cancellationToken);
            return Results.Text(PublicBlogPages.Feed(blog, $"{request.Scheme}://{request.Host}"), "application/atom+xml; charset=utf-8");
        }
        catch (NotFoundException)
        {
            return Results.NotFound();
        }
    }

    /// <summary>A page for people: a missing blog or post is a page that says so in Swedish, not a problem document.</summary>
    private static async Task<IResult> PageAsync(Func<Task<string>> render)
    {
        try
        {
            return Results.Content(await render(), "text/html; charset=utf-8");
        }
        catch (NotFoundException)
        {
            return Results.Content(PublicBlogPages.NotFound(), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }
    }
}
