using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using Mediator;

namespace EnSakITaget.Application.Community.RequestPublication;

/// <summary>The author asks for their post to be on the library's public blog; a coordinator decides.</summary>
public sealed record RequestPublicationCommand(Guid RoundId, Guid PostId) : ICommand<PostDto>;

internal sealed class RequestPublicationCommandHandler(IApplicationDbContext db, CommunityAccess access, CommunityViews views, TimeProvider time)
    : ICommandHandler<RequestPublicationCommand, PostDto>
{
    public async ValueTask<PostDto> Handle(RequestPublicationCommand command, CancellationToken cancellationToken)
    {
        var reader = await access.ReaderAsync(command.RoundId, cancellationToken);
        var post = await access.PostAsync(reader, command.PostId, tracked: true, cancellationToken);
        if (!post.IsWrittenBy(reader.UserId))
        {
            throw new ForbiddenAccessException("Only the post's author may ask for it to be published.");
        }

        post.RequestPublication(reader.UserId, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await views.PostAsync(post, reader, cancellationToken);
    }
}
