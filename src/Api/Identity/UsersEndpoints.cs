using EnSakITaget.Api.Common;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Identity;
using EnSakITaget.Application.Identity.CreateUser;
using EnSakITaget.Application.Identity.DeleteUser;
using EnSakITaget.Application.Identity.GetUser;
using EnSakITaget.Application.Identity.InviteUser;
using EnSakITaget.Application.Identity.ListUsers;
using EnSakITaget.Application.Identity.UnlockUser;
using EnSakITaget.Application.Identity.UpdateUser;
using EnSakITaget.Infrastructure.Identity;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Identity;

internal sealed class UsersEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Identity");

        users.MapGet("/", ListUsers)
            .RequirePolicy(Policies.Staff)
            .WithSummary("List the accounts that hold a role in my libraries.")
            .ProducesValidationProblem();

        users.MapPost("/", CreateUser)
            .RequirePolicy(Policies.Staff)
            .WithSummary("Create an account with its roles; without a password, the person gets an invitation by e-mail to choose it. A coordinator creates participants of their own organisation only.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        users.MapGet("/{id:guid}", GetUser)
            .TaggedByRevision<AppUser>(projectedRead: true)
            .RequirePolicy(Policies.Staff)
            .WithSummary("Read one account and its roles.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        users.MapPut("/{id:guid}", UpdateUser)
            .TaggedByRevision<AppUser>()
            .RequirePolicy(Policies.Staff)
            .WithSummary("Replace an account's e-mail, name and roles, and its password when a new one is given.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        users.MapDelete("/{id:guid}", DeleteUser)
            .TaggedByRevision<AppUser>()
            .RequirePolicy(Policies.Staff)
            .WithSummary("Delete an account.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        users.MapPost("/{id:guid}/invitation", InviteUser)
            .RequirePolicy(Policies.Staff)
            .WithSummary("Send an account that has no password yet a new invitation by e-mail; 409 once it has one.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        users.MapPost("/{id:guid}/unlock", UnlockUser)
            .TaggedByRevision<AppUser>()
            .RequirePolicy(Policies.Administration)
            .WithSummary("Lift an account's lockout after too many wrong passwords, and forget its failed attempts; audited.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<PagedList<UserDto>>> ListUsers(
        ISender sender, CancellationToken cancellationToken, int page = 1, int pageSize = PagingDefaults.PageSize) =>
        TypedResults.Ok(await sender.Send(new ListUsersQuery(page, pageSize), cancellationToken));

    private static async Task<Created<UserDto>> CreateUser(UserInput user, ISender sender, CancellationToken cancellationToken)
    {
        var created = await sender.Send(new CreateUserCommand(user), cancellationToken);
        return TypedResults.Created($"/api/v1/users/{created.Id}", created);
    }

    private static async Task<Ok<UserDto>> GetUser(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetUserQuery(id), cancellationToken));

    private static async Task<Ok<UserDto>> UpdateUser(Guid id, UserInput user, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new UpdateUserCommand(id, user), cancellationToken));

    private static async Task<Accepted> InviteUser(Guid id, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new InviteUserCommand(id), cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Ok<UserDto>> UnlockUser(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new UnlockUserCommand(id), cancellationToken));

    private static async Task<NoContent> DeleteUser(Guid id, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteUserCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }
}
