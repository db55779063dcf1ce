using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Common.Rendering;
using EnSakITaget.Application.Libraries.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Community.ReadPublicBlog;

/// <summary>A post on a library's public blog: approved, not hidden, its HTML made safe; no comment, and nobody's e-mail.</summary>
public sealed record PublicPostDto(Guid Id, string Slug, string Title, string AuthorName, string BodyHtml, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt);

/// <param name="Updated">When the newest post was published or approved again; the library's blog has not changed since.</param>
public sealed record PublicBlogDto(Guid LibraryId, string LibraryName, string MunicipalityCode, DateTimeOffset? Updated, IReadOnlyList<PublicPostDto> Posts, int Page, bool HasMore);

/// <summary>A library's public blog, newest first, for anyone: what its people wrote and a coordinator approved.</summary>
public sealed record ReadPublicBlogQuery(string MunicipalityCode, int Page = 1) : IQuery<PublicBlogDto>;

/// <summary>One post of a library's public blog, by its slug or its id.</summary>
public sealed record ReadPublicPostQuery(string MunicipalityCode, string SlugOrId) : IQuery<(PublicBlogDto Blog, PublicPostDto Post)>;

internal sealed class ReadPublicBlogQueryValidator : AbstractValidator<ReadPublicBlogQuery>
{
    public ReadPublicBlogQueryValidator() => RuleFor(q => q.Page).InclusiveBetween(1, 10_000);
}

internal sealed class ReadPublicBlogQueryHandler(CommunityAccess access, ILibraryDirectory libraries) : IQueryHandler<ReadPublicBlogQuery, PublicBlogDto>
{
    public const int PageSize = 20;

    public async ValueTask<PublicBlogDto> Handle(ReadPublicBlogQuery query, CancellationToken cancellationToken)
    {
        var library = await LibraryAsync(query.MunicipalityCode, cancellationToken);
        // Ids are time-ordered (version 7): newest written first, without ordering times, which SQLite cannot.
        var posts = await access.PublicPostsOf(library.Id).OrderByDescending(p => p.Id)
            .Skip((query.Page - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        var views = posts.Take(PageSize).Select(PublicBlogReads.ViewOf).ToList();
        var updated = await LastChangeAsync(library.Id, cancellationToken);
        return new PublicBlogDto(library.Id, library.Name, query.MunicipalityCode, updated, views, query.Page, posts.Count > PageSize);
    }

    private async Task<LibrarySummary> LibraryAsync(string code, CancellationToken cancellationToken) =>
        await PublicBlogReads.LibraryAsync(libraries, code, cancellationToken);

    private async Task<DateTimeOffset?> LastChangeAsync(Guid libraryId, CancellationToken cancellationToken)
    {
        // Compared here, not in SQL: SQLite cannot order times with offsets.
        var times = await access.PublicPostsOf(libraryId).Select(p => p.PublicationDecidedAt ?? p.PublishedAt).ToListAsync(cancellationToken);
        return times.Max();
    }
}

internal sealed class ReadPublicPostQueryHandler(CommunityAccess access, ILibraryDirectory libraries)
    : IQueryHandler<ReadPublicPostQuery, (PublicBlogDto Blog, PublicPostDto Post)>
{
    public async ValueTask<(PublicBlogDto Blog, PublicPostDto Post)> Handle(ReadPublicPostQuery query, CancellationToken cancellationToken)
    {
        var library = await PublicBlogReads.LibraryAsync(libraries, query.MunicipalityCode, cancellationToken);
        var posts = access.PublicPostsOf(library.Id);
        var post = Guid.TryParse(query.SlugOrId, out var id)
            ? await posts.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            : await posts.FirstOrDefaultAsync(p => p.Slug == query.SlugOrId, cancellationToken);
        if (post is null)
        {
            throw new NotFoundException("Post", query.SlugOrId);
        }

        var view = PublicBlogReads.ViewOf(post);
        return (new PublicBlogDto(library.Id, library.Name, query.MunicipalityCode, view.UpdatedAt, [view], 1, false), view);
    }
}

internal static class PublicBlogReads
{
    public static async Task<LibrarySummary> LibraryAsync(ILibraryDirectory libraries, string code, CancellationToken cancellationToken) =>
        await libraries.FindMunicipalityByCodeAsync(code, cancellationToken) ?? throw new NotFoundException("Library", code);

    public static PublicPostDto ViewOf(Domain.Community.Post post) => new(
        post.Id, post.Slug!, post.Title, post.AuthorName, SafeMarkdown.ToHtml(post.Body), post.PublishedAt!.Value,
        post.PublicationDecidedAt ?? post.PublishedAt!.Value);
}
