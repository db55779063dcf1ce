using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Community.WritePost;
using EnSakITaget.Application.Participants.Contracts;
using EnSakITaget.Domain.Common;
using EnSakITaget.Domain.Community;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Community.PublishReflection;

public record ReflectionPostInput
{
    /// <summary>The thing whose reflection becomes a post.</summary>
    public Guid? ThingId { get; init; }

    /// <summary>The post's title; the thing's title when none.</summary>
    public string? Title { get; init; }
}

/// <summary>A participant publishes their reflection on a thing to the round's blog in one step; the post links back to the thing.</summary>
public sealed record PublishReflectionCommand : ReflectionPostInput, ICommand<PostDto>
{
    public PublishReflectionCommand(Guid roundId, ReflectionPostInput input)
        : base(input)
    {
        RoundId = roundId;
    }

    public Guid RoundId { get; }
}

internal sealed class PublishReflectionCommandValidator : AbstractValidator<PublishReflectionCommand>
{
    public PublishReflectionCommandValidator()
    {
        RuleFor(c => c.ThingId).NotNull();
        RuleFor(c => c.Title).MaximumLength(Post.MaxTitleLength);
    }
}

internal sealed class PublishReflectionCommandHandler(
    IApplicationDbContext db, CommunityAccess access, CommunityViews views, IParticipantDirectory participants, TimeProvider time)
    : ICommandHandler<PublishReflectionCommand, PostDto>
{
    public async ValueTask<PostDto> Handle(PublishReflectionCommand command, CancellationToken cancellationToken)
    {
        var reader = await access.ReaderAsync(command.RoundId, cancellationToken);
        if (reader.StaffMemberId is null)
        {
            throw new NotFoundException(message: $"You take part in no round {reader.Round.Id}: only its participants have reflections to publish.");
        }

        BlogRules.EnsureOpenForWriting(reader);
        var thingId = command.ThingId!.Value;
        var thing = reader.Round.Thing(thingId) ?? throw new FieldRuleException("thingId", $"The round has no thing {thingId}.");
        var reflection = await participants.OwnReflectionAsync(reader.Round.Id, thingId, cancellationToken);
        if (reflection is null || (string.IsNullOrWhiteSpace(reflection.Text) && string.IsNullOrWhiteSpace(reflection.Link)))
        {
            throw new CommunityRuleException("You have reported no reflection on this thing to publish.");
        }

        var body = string.Join("\n\n", new[] { reflection.Text, reflection.Link is { } link ? $"<{link}>" : null }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var title = string.IsNullOrWhiteSpace(command.Title) ? thing.Title : command.Title.Trim();
        var author = await access.AuthorAsync(reader, cancellationToken);
        var post = Post.Write(reader.Round.Id, reader.Round.HomeLibraryId, thingId, author, title[..Math.Min(title.Length, Post.MaxTitleLength)],
            body[..Math.Min(body.Length, Post.MaxBodyLength)], time.GetUtcNow(), fromReflection: true);
        db.Posts.Add(post);
        await db.SaveChangesAsync(cancellationToken);
        return await views.PostAsync(post, reader, cancellationToken);
    }
}
