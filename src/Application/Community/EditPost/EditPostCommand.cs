using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Community.WritePost;
using EnSakITaget.Domain.Community;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Community.EditPost;

public record PostEditInput
{
    public string? Title { get; init; }
    public string? Body { get; init; }
}

/// <summary>The author edits their post; the version before is kept, and a public post goes back to the coordinator.</summary>
public sealed record EditPostCommand : PostEditInput, ICommand<PostDto>
{
    public EditPostCommand(Guid roundId, Guid postId, PostEditInput input)
        : base(input)
    {
        (RoundId, PostId) = (roundId, postId);
    }

    public Guid RoundId { get; }
    public Guid PostId { get; }
}

internal sealed class EditPostCommandValidator : AbstractValidator<EditPostCommand>
{
    public EditPostCommandValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(Post.MaxTitleLength);
        RuleFor(c => c.Body).NotEmpty().MaximumLength(Post.MaxBodyLength);
    }
}

internal sealed class EditPostCommandHandler(IApplicationDbContext db, CommunityAccess access, CommunityViews views, TimeProvider time)
    : ICommandHandler<EditPostCommand, PostDto>
{
    public async ValueTask<PostDto> Handle(EditPostCommand command, CancellationToken cancellationToken)
    {
        var reader = await access.ReaderAsync(command.RoundId, cancellationToken);
        var post = await access.PostAsync(reader, command.PostId, tracked: true, cancellationToken);
        if (!post.IsWrittenBy(reader.UserId))
        {
            throw new ForbiddenAccessException("Only the post's author may edit it.");
        }

        BlogRules.EnsureOpenForWriting(reader);
        post.Edit(reader.UserId, command.Title!.Trim(), command.Body!, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await views.PostAsync(post, reader, cancellationToken);
    }
}
