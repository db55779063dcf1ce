using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Community.ModeratePost;
using EnSakITaget.Domain.Community;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Community.ModerateComment;

/// <summary>Whoever runs the round hides a comment, with a reason its author sees; the audit trail keeps who, when and why.</summary>
public sealed record HideCommentCommand : HideInput, ICommand<CommentDto>
{
    public HideCommentCommand(Guid roundId, Guid postId, Guid commentId, HideInput input)
        : base(input)
    {
        (RoundId, PostId, CommentId) = (roundId, postId, commentId);
    }

    public Guid RoundId { get; }
    public Guid PostId { get; }
    public Guid CommentId { get; }
}

internal sealed class HideCommentCommandValidator : AbstractValidator<HideCommentCommand>
{
    public HideCommentCommandValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(Post.MaxReasonLength);
}

/// <summary>Whoever runs the round shows a hidden comment again.</summary>
public sealed record UnhideCommentCommand(Guid RoundId, Guid PostId, Guid CommentId) : ICommand<CommentDto>;

internal sealed class HideCommentCommandHandler(IApplicationDbContext db, CommunityAccess access, ModerationTrail trail, TimeProvider time)
    : ICommandHandler<HideCommentCommand, CommentDto>
{
    public async ValueTask<CommentDto> Handle(HideCommentCommand command, CancellationToken cancellationToken)
    {
        var reader = await access.ModeratorAsync(command.RoundId, cancellationToken);
        var comment = await access.CommentAsync(reader, command.PostId, command.CommentId, tracked: true, cancellationToken);
        var reason = command.Reason!.Trim();
        comment.Hide(reason, await access.NameOfCallerAsync(cancellationToken), time.GetUtcNow());
        trail.Record(nameof(Comment), comment.Id, comment.RoundLibraryId, comment.RoundId, "hidden", reason);
        await db.SaveChangesAsync(cancellationToken);
        return PostViews.ViewOf(comment, reader);
    }
}

internal sealed class UnhideCommentCommandHandler(IApplicationDbContext db, CommunityAccess access, ModerationTrail trail)
    : ICommandHandler<UnhideCommentCommand, CommentDto>
{
    public async ValueTask<CommentDto> Handle(UnhideCommentCommand command, CancellationToken cancellationToken)
    {
        var reader = await access.ModeratorAsync(command.RoundId, cancellationToken);
        var comment = await access.CommentAsync(reader, command.PostId, command.CommentId, tracked: true, cancellationToken);
        comment.Unhide();
        trail.Record(nameof(Comment), comment.Id, comment.RoundLibraryId, comment.RoundId, "shown", null);
        await db.SaveChangesAsync(cancellationToken);
        return PostViews.ViewOf(comment, reader);
    }
}
