using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Domain.Community;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Community.ModeratePost;

public record HideInput
{
    /// <summary>Why it is hidden; its author reads it.</summary>
    public string? Reason { get; init; }
}

/// <summary>Whoever runs the round hides a post, with a reason its author sees; the audit trail keeps who, when and why.</summary>
public sealed record HidePostCommand : HideInput, ICommand<PostDto>
{
    public HidePostCommand(Guid roundId, Guid postId, HideInput input)
        : base(input)
    {
        (RoundId, PostId) = (roundId, postId);
    }

    public Guid RoundId { get; }
    public Guid PostId { get; }
}

internal sealed class HidePostCommandValidator : AbstractValidator<HidePostCommand>
{
    public HidePostCommandValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(Post.MaxReasonLength);
}

/// <summary>Whoever runs the round shows a hidden post again.</summary>
public sealed record UnhidePostCommand(Guid RoundId, Guid PostId) : ICommand<PostDto>;

internal sealed class HidePostCommandHandler(IApplicationDbContext db, CommunityAccess access, CommunityViews views, ModerationTrail trail, TimeProvider time)
    : ICommandHandler<HidePostCommand, PostDto>
{
    public async ValueTask<PostDto> Handle(HidePostCommand command, CancellationToken cancellationToken)
    {
        var reader = await access.ModeratorAsync(command.RoundId, cancellationToken);
        var post = await access.PostAsync(reader, command.PostId, tracked: true, cancellationToken);
        var reason = command.Reason!.Trim();
        post.Hide(reason, await access.NameOfCallerAsync(cancellationToken), time.GetUtcNow());
        trail.Record(nameof(Post), post.Id, post.RoundLibraryId, post.RoundId, "hidden", reason);
        await db.SaveChangesAsync(cancellationToken);
        return await views.PostAsync(post, reader, cancellationToken);
    }
}

internal sealed class UnhidePostCommandHandler(IApplicationDbContext db, CommunityAccess access, CommunityViews views, ModerationTrail trail)
    : ICommandHandler<UnhidePostCommand, PostDto>
{
    public async ValueTask<PostDto> Handle(UnhidePostCommand command, CancellationToken cancellationToken)
    {
        var reader = await access.ModeratorAsync(command.RoundId, cancellationToken);
        var post = await access.PostAsync(reader, command.PostId, tracked: true, cancellationToken);
        post.Unhide();
        trail.Record(nameof(Post), post.Id, post.RoundLibraryId, post.RoundId, "shown", null);
        await db.SaveChangesAsync(cancellationToken);
        return await views.PostAsync(post, reader, cancellationToken);
    }
}
