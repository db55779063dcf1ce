using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Domain.Community;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Community.DecidePublication;

public record PublicationDecisionInput
{
    /// <summary>True to put the post on the library's public blog, false to refuse.</summary>
    public bool? Approve { get; init; }

    /// <summary>Why not, for the author, when refused.</summary>
    public string? Reason { get; init; }
}

/// <summary>Whoever runs the round approves or refuses what the author asked for; the audit trail keeps the decision.</summary>
public sealed record DecidePublicationCommand : PublicationDecisionInput, ICommand<PostDto>
{
    public DecidePublicationCommand(Guid roundId, Guid postId, PublicationDecisionInput input)
        : base(input)
    {
        (RoundId, PostId) = (roundId, postId);
    }

    public Guid RoundId { get; }
    public Guid PostId { get; }
}

internal sealed class DecidePublicationCommandValidator : AbstractValidator<DecidePublicationCommand>
{
    public DecidePublicationCommandValidator()
    {
        RuleFor(c => c.Approve).NotNull();
        RuleFor(c => c.Reason).MaximumLength(Post.MaxReasonLength);
    }
}

internal sealed class DecidePublicationCommandHandler(
    IApplicationDbContext db, CommunityAccess access, CommunityViews views, ModerationTrail trail, TimeProvider time)
    : ICommandHandler<DecidePublicationCommand, PostDto>
{
    public async ValueTask<PostDto> Handle(DecidePublicationCommand command, CancellationToken cancellationToken)
    {
        var reader = await access.ModeratorAsync(command.RoundId, cancellationToken);
        var post = await access.PostAsync(reader, command.PostId, tracked: true, cancellationToken);
        var by = await access.NameOfCallerAsync(cancellationToken);
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        if (command.Approve!.Value)
        {
            post.ApprovePublication(by, time.GetUtcNow());
        }
        else
        {
            post.RefusePublication(by, reason, time.GetUtcNow());
        }

        trail.Record(nameof(Post), post.Id, post.RoundLibraryId, post.RoundId, command.Approve.Value ? "publicationApproved" : "publicationRefused", reason);
        await db.SaveChangesAsync(cancellationToken);
        return await views.PostAsync(post, reader, cancellationToken);
    }
}
