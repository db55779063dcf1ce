using EnSakITaget.Api.Common;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Community;
using EnSakITaget.Application.Community.DecidePublication;
using EnSakITaget.Application.Community.EditComment;
using EnSakITaget.Application.Community.EditPost;
using EnSakITaget.Application.Community.GetPost;
using EnSakITaget.Application.Community.ListComments;
using EnSakITaget.Application.Community.ListPosts;
using EnSakITaget.Application.Community.ModerateComment;
using EnSakITaget.Application.Community.ModeratePost;
using EnSakITaget.Application.Community.PreviewWriting;
using EnSakITaget.Application.Community.PublishReflection;
using EnSakITaget.Application.Community.RequestPublication;
using EnSakITaget.Application.Community.WriteComment;
using EnSakITaget.Application.Community.WritePost;
using EnSakITaget.Domain.Community;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Community;

/// <summary>A round's closed blog: for its participants and whoever runs it; everyone else gets 404.</summary>
internal sealed class RoundBlogEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var posts = api.MapGroup("/rounds/{id:guid}/posts").WithTags("Community");

        posts.MapGet("/", ListPosts)
            .RequirePolicy(Policies.SignedIn)
            .WithSummary("The round's blog, newest first, each with its safe HTML; filter by thing, or by publication state (Requested: waiting for a decision).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        posts.MapPost("/", WritePost)
            .RequirePolicy(Policies.SignedIn)
            .WithSummary("Write a post (Markdown) on the round's blog, about a thing of the round or none.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        posts.MapPost("/from-reflection", PublishReflection)
            .RequirePolicy(Policies.SignedIn)
            .WithSummary("Publish my reflection on a thing to the round's blog in one step; the post links back to the thing.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        posts.MapPost("/preview", PreviewWriting)
            .RequirePolicy(Policies.SignedIn)
            .WithSummary("How a post or comment being written will look: its Markdown rendered to the safe HTML the blog shows. Nothing is saved.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        posts.MapGet("/{postId:guid}", GetPost)
            .TaggedByRevision<Post>("postId", projectedRead: true)
            .RequirePolicy(Policies.SignedIn)
            .WithSummary("A post, with its earlier versions for its author and whoever runs the round. A hidden post is shown only to them.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        posts.MapPut("/{postId:guid}", EditPost)
            .TaggedByRevision<Post>("postId")
            .RequirePolicy(Policies.SignedIn)
            .WithSummary("The author edits their post; the version before is kept, and a public post waits for approval again.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        posts.MapPost("/{postId:guid}/hide", HidePost)
            .RequirePolicy(Policies.Staff)
            .WithSummary("Whoever runs the round hides a post with a reason, which its author sees; kept in the audit trail.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        posts.MapDelete("/{postId:guid}/hide", UnhidePost)
            .RequirePolicy(Policies.Staff)
            .WithSummary("Show a hidden post again; kept in the audit trail.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        posts.MapPost("/{postId:guid}/publication", RequestPublication)
            .RequirePolicy(Policies.SignedIn)
            .WithSummary("The author asks for their post to be on the library's public blog; whoever runs the round decides.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        posts.MapPut("/{postId:guid}/publication", DecidePublication)
            .RequirePolicy(Policies.Staff)
            .WithSummary("Approve or refuse the author's request: an approved post appears on /blogg/{municipalityCode} and in its feed.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var comments = posts.MapGroup("/{postId:guid}/comments");

        comments.MapGet("/", ListComments)
            .RequirePolicy(Policies.SignedIn)
            .WithSummary("The comments on a post, oldest first, each with its safe HTML.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        comments.MapPost("/", WriteComment)
            .RequirePolicy(Policies.SignedIn)
            .WithSummary("Comment on a post (Markdown).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        comments.MapPut("/{commentId:guid}", EditComment)

            .TaggedByRevision<Comment>("commentId")
            .RequirePolicy(Policies.SignedIn)
            .WithSummary("The author edits their comment; the version before is kept.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        comments.MapPost("/{commentId:guid}/hide", HideComment)
            .RequirePolicy(Policies.Staff)
            .WithSummary("Whoever runs the round hides a comment with a reason, which its author sees; kept in the audit trail.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        comments.MapDelete("/{commentId:guid}/hide", UnhideComment)
            .RequirePolicy(Policies.Staff)
            .WithSummary("Show a hidden comment again; kept in the audit trail.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<PagedList<PostDto>>> ListPosts(
        Guid id, ISender sender, CancellationToken cancellationToken, Guid? thingId = null, PublicationState? publication = null,
        int page = 1, int pageSize = PagingDefaults.PageSize) =>
        TypedResults.Ok(await sender.Send(new ListPostsQuery(id, thingId, publication, page, pageSize), cancellationToken));

    private static async Task<Created<PostDto>> WritePost(Guid id, PostInput post, ISender sender, CancellationToken cancellationToken) =>
        Created(await sender.Send(new WritePostCommand(id, post), cancellationToken));

    private static async Task<Created<PostDto>> PublishReflection(Guid id, ReflectionPostInput reflection, ISender sender, CancellationToken cancellationToken) =>
        Created(await sender.Send(new PublishReflectionCommand(id, reflection), cancellationToken));

    private static async Task<Ok<PreviewDto>> PreviewWriting(Guid id, PreviewInput preview, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new PreviewWritingQuery(id, preview), cancellationToken));

    private static async Task<Ok<PostDto>> GetPost(Guid id, Guid postId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetPostQuery(id, postId), cancellationToken));

    private static async Task<Ok<PostDto>> EditPost(Guid id, Guid postId, PostEditInput post, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new EditPostCommand(id, postId, post), cancellationToken));

    private static async Task<Ok<PostDto>> HidePost(Guid id, Guid postId, HideInput hiding, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new HidePostCommand(id, postId, hiding), cancellationToken));

    private static async Task<Ok<PostDto>> UnhidePost(Guid id, Guid postId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new UnhidePostCommand(id, postId), cancellationToken));

    private static async Task<Ok<PostDto>> RequestPublication(Guid id, Guid postId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new RequestPublicationCommand(id, postId), cancellationToken));

    private static async Task<Ok<PostDto>> DecidePublication(
        Guid id, Guid postId, PublicationDecisionInput decision, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new DecidePublicationCommand(id, postId, decision), cancellationToken));

    private static async Task<Ok<PagedList<CommentDto>>> ListComments(
        Guid id, Guid postId, ISender sender, CancellationToken cancellationToken, int page = 1, int pageSize = PagingDefaults.PageSize) =>
        TypedResults.Ok(await sender.Send(new ListCommentsQuery(id, postId, page, pageSize), cancellationToken));

    private static async Task<Created<CommentDto>> WriteComment(Guid id, Guid postId, CommentInput comment, ISender sender, CancellationToken cancellationToken)
    {
        var written = await sender.Send(new WriteCommentCommand(id, postId, comment), cancellationToken);
        return TypedResults.Created($"/api/v1/rounds/{id}/posts/{postId}/comments/{written.Id}", written);
    }

    private static async Task<Ok<CommentDto>> EditComment(
        Guid id, Guid postId, Guid commentId, CommentInput comment, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new EditCommentCommand(id, postId, commentId, comment), cancellationToken));

    private static async Task<Ok<CommentDto>> HideComment(
        Guid id, Guid postId, Guid commentId, HideInput hiding, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new HideCommentCommand(id, postId, commentId, hiding), cancellationToken));

    private static async Task<Ok<CommentDto>> UnhideComment(Guid id, Guid postId, Guid commentId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new UnhideCommentCommand(id, postId, commentId), cancellationToken));

    private static Created<PostDto> Created(PostDto post) => TypedResults.Created($"/api/v1/rounds/{post.RoundId}/posts/{post.Id}", post);
}
