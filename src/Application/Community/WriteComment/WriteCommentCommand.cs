using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Community.WritePost;
using EnSakITaget.Domain.Community;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Community.WriteComment;

public record CommentInput
{
    /// <summary>Markdown; raw HTML is shown as text.</summary>
    public string? Body { get; init; }
}

/// <summary>One of the round's people comments on a post.</summary>
public sealed record WriteCommentCommand : CommentInput, ICommand<CommentDto>
{
    public WriteCommentCommand(Guid roundId, Guid postId, CommentInput input)
        : base(input)
    {
        (RoundId, PostId) = (roundId, postId);
    }

    public Guid RoundId { get; }
    public Guid PostId { get; }
}

internal sealed class WriteCommentCommandValidator : AbstractValidator<WriteCommentCommand>
{
    public WriteCommentCommandValidator() => RuleFor(c => c.Body).NotEmpty().MaximumLength(Comment.MaxBodyLength);
}

internal sealed class WriteCommentCommandHandler(IApplicationDbContext db, CommunityAccess access, TimeProvider time)
    : ICommandHandler<WriteCommentCommand, CommentDto>
{
    public async ValueTask<CommentDto> Handle(WriteCommentCommand command, CancellationToken cancellationToken)
    {
        var reader = await access.ReaderAsync(command.RoundId, cancellationToken);
        var post = await access.PostAsync(reader, command.PostId, tracked: false, cancellationToken);
        BlogRules.EnsureOpenForWriting(reader);
        var comment = Comment.On(post, await access.AuthorAsync(reader, cancellationToken), command.Body!, time.GetUtcNow());
        db.Comments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return PostViews.ViewOf(comment, reader);
    }
}
