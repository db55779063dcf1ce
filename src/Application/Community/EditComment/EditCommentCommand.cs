using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Community.WriteComment;
using EnSakITaget.Application.Community.WritePost;
using EnSakITaget.Domain.Community;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Community.EditComment;

/// <summary>The author edits their comment; the version before is kept.</summary>
public sealed record EditCommentCommand : CommentInput, ICommand<CommentDto>
{
    public EditCommentCommand(Guid roundId, Guid postId, Guid commentId, CommentInput input)
        : base(input)
    {
        (RoundId, PostId, CommentId) = (roundId, postId, commentId);
    }

    public Guid RoundId { get; }
    public Guid PostId { get; }
    public Guid CommentId { get; }
}

internal sealed class EditCommentCommandValidator : AbstractValidator<EditCommentCommand>
{
    public EditCommentCommandValidator() => RuleFor(c => c.Body).NotEmpty().MaximumLength(Comment.MaxBodyLength);
}

internal sealed class EditCommentCommandHandler(IApplicationDbContext db, CommunityAccess access, TimeProvider time)
    : ICommandHandler<EditCommentCommand, CommentDto>
{
    public async ValueTask<CommentDto> Handle(EditCommentCommand command, CancellationToken cancellationToken)
    {
        var reader = await access.ReaderAsync(command.RoundId, cancellationToken);
        var comment = await access.CommentAsync(reader, command.PostId, command.CommentId, tracked: true, cancellationToken);
        if (!comment.IsWrittenBy(reader.UserId))
        {
            throw new ForbiddenAccessException("Only the comment's author may edit it.");
        }

        BlogRules.EnsureOpenForWriting(reader);
        comment.Edit(reader.UserId, command.Body!, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return PostViews.ViewOf(comment, reader);
    }
}
