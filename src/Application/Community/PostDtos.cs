using EnSakITaget.Application.Common.Rendering;
using EnSakITaget.Domain.Community;

namespace EnSakITaget.Application.Community;

/// <summary>That a coordinator hid a post or comment: shown to its author and to whoever runs the round, never to the others.</summary>
/// <param name="HiddenBy">The coordinator's name (never their e-mail).</param>
public sealed record HiddenDto(string Reason, string? HiddenBy, DateTimeOffset HiddenAt);

/// <param name="State">RoundOnly, Requested, Approved or Refused.</param>
/// <param name="RefusalReason">Why a coordinator refused, for the author.</param>
/// <param name="PublicPath">The post's page on the library's public blog, once approved and not hidden.</param>
public sealed record PublicationDto(PublicationState State, DateTimeOffset? RequestedAt, DateTimeOffset? DecidedAt, string? RefusalReason, string? PublicPath);

/// <summary>An earlier version of a post or comment, before an edit by its author.</summary>
public sealed record RevisionDto(string? Title, string Body, string BodyHtml, DateTimeOffset WrittenAt);

/// <summary>A post of the round's blog.</summary>
/// <param name="Body">The Markdown as written; show <paramref name="BodyHtml"/>, the safe HTML made of it.</param>
/// <param name="ThingId">The thing of the round the post is about, if any.</param>
/// <param name="FromReflection">Published from its author's reflection on the thing.</param>
/// <param name="IsMine">Whether the caller wrote it: only its author edits it and asks for it to be published.</param>
/// <param name="Edits">How many times its author has edited it.</param>
/// <param name="Hidden">Set when a coordinator hid it.</param>
/// <param name="History">Its earlier versions, for its author and whoever runs the round; empty for the others and in lists.</param>
public sealed record PostDto(
    Guid Id, Guid RoundId, Guid? ThingId, bool FromReflection, string AuthorName, bool IsMine, string Title, string Body, string BodyHtml,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Edits, int Comments, HiddenDto? Hidden, PublicationDto Publication,
    IReadOnlyList<RevisionDto> History);

/// <summary>A comment on a post of the round's blog.</summary>
public sealed record CommentDto(
    Guid Id, Guid PostId, string AuthorName, bool IsMine, string Body, string BodyHtml, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    int Edits, HiddenDto? Hidden, IReadOnlyList<RevisionDto> History);

internal static class PostViews
{
    public static string? PublicPathOf(Post post, string? municipalityCode) =>
        post.IsPublic && municipalityCode is not null && post.Slug is not null ? $"/blogg/{municipalityCode}/{post.Slug}" : null;

    public static PostDto ViewOf(Post post, BlogReader reader, int comments, string? municipalityCode, bool withHistory)
    {
        var mine = post.IsWrittenBy(reader.UserId);
        var history = withHistory && (mine || reader.RunsRound)
            ? post.History.Select(h => new RevisionDto(h.Title, h.Body, SafeMarkdown.ToHtml(h.Body), h.WrittenAt)).ToList()
            : [];
        return new PostDto(
            post.Id, post.RoundId, post.ThingId, post.FromReflection, post.AuthorName, mine, post.Title, post.Body, SafeMarkdown.ToHtml(post.Body),
            post.CreatedAt, post.UpdatedAt, post.History.Count, comments,
            post.IsHidden ? new HiddenDto(post.Moderation.Reason!, post.Moderation.By, post.Moderation.HiddenAt!.Value) : null,
            new PublicationDto(post.Publication, post.PublicationRequestedAt, post.PublicationDecidedAt, post.PublicationRefusal, PublicPathOf(post, municipalityCode)),
            history);
    }

    public static CommentDto ViewOf(Comment comment, BlogReader reader)
    {
        var mine = comment.IsWrittenBy(reader.UserId);
        var history = mine || reader.RunsRound
            ? comment.History.Select(h => new RevisionDto(null, h.Body, SafeMarkdown.ToHtml(h.Body), h.WrittenAt)).ToList()
            : [];
        return new CommentDto(
            comment.Id, comment.PostId, comment.AuthorName, mine, comment.Body, SafeMarkdown.ToHtml(comment.Body), comment.CreatedAt, comment.UpdatedAt,
            comment.History.Count, comment.IsHidden ? new HiddenDto(comment.Moderation.Reason!, comment.Moderation.By, comment.Moderation.HiddenAt!.Value) : null, history);
    }
}
