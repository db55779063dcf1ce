using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Domain.Common;
using EnSakITaget.Domain.Community;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Community.WritePost;

public record PostInput
{
    public string? Title { get; init; }

    /// <summary>Markdown; raw HTML is shown as text.</summary>
    public string? Body { get; init; }

    /// <summary>The thing of the round the post is about, if any.</summary>
    public Guid? ThingId { get; init; }
}

/// <summary>One of the round's people writes a post on its blog.</summary>
public sealed record WritePostCommand : PostInput, ICommand<PostDto>
{
    public WritePostCommand(Guid roundId, PostInput input)
        : base(input)
    {
        RoundId = roundId;
    }

    public Guid RoundId { get; }
}

internal sealed class WritePostCommandValidator : AbstractValidator<WritePostCommand>
{
    public WritePostCommandValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(Post.MaxTitleLength);
        RuleFor(c => c.Body).NotEmpty().MaximumLength(Post.MaxBodyLength);
    }
}

internal sealed class WritePostCommandHandler(IApplicationDbContext db, CommunityAccess access, CommunityViews views, TimeProvider time)
    : ICommandHandler<WritePostCommand, PostDto>
{
    public async ValueTask<PostDto> Handle(WritePostCommand command, CancellationToken cancellationToken)
    {
        var reader = await access.ReaderAsync(command.RoundId, cancellationToken);
        BlogRules.EnsureOpenForWriting(reader);
        if (command.ThingId is { } thingId && reader.Round.Thing(thingId) is null)
        {
            throw new FieldRuleException("thingId", $"The round has no thing {thingId}.");
        }

        var author = await access.AuthorAsync(reader, cancellationToken);
        var post = Post.Write(reader.Round.Id, reader.Round.HomeLibraryId, command.ThingId, author, command.Title!.Trim(), command.Body!, time.GetUtcNow());
        db.Posts.Add(post);
        await db.SaveChangesAsync(cancellationToken);
        return await views.PostAsync(post, reader, cancellationToken);
    }
}

internal static class BlogRules
{
    /// <summary>A closed round's blog is kept to be read, no longer written.</summary>
    public static void EnsureOpenForWriting(BlogReader reader)
    {
        if (reader.Round.IsClosed)
        {
            throw new CommunityRuleException("The round has closed: its blog is kept to be read, no longer written.");
        }
    }
}
