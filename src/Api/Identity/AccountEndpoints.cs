using EnSakITaget.Api.Common;
using EnSakITaget.Application.Identity;
using EnSakITaget.Application.Identity.ActivateAccount;
using EnSakITaget.Application.Identity.ChangePassword;
using EnSakITaget.Application.Identity.RequestPasswordReset;
using EnSakITaget.Application.Identity.ResetPassword;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Identity;

internal sealed class AccountEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Identity");

        auth.MapPost("/activate", ActivateAccount)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .WithSummary("Choose a password with the token from an invitation: the account is made, and signed in as by login.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        auth.MapPost("/password-reset", RequestPasswordReset)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .WithSummary("Ask for a link to choose a new password. Always 202: whether an account has the e-mail is told only to its mailbox.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        auth.MapPost("/password-reset/confirm", ResetPassword)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .WithSummary("Choose a new password with the token from a password reset; every session of the account is signed out.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPut("/me/password", ChangePassword)
            .WithTags("Identity")
            .RequirePolicy(Policies.SignedIn)
            .RequireRateLimiting(RateLimits.Login)
            .WithSummary("Change my own password, giving the current one; my other sessions are signed out.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<Ok<AuthTokens>> ActivateAccount(ActivateAccountCommand activation, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(activation, cancellationToken));

    private static async Task<Accepted> RequestPasswordReset(RequestPasswordResetCommand request, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(request, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<NoContent> ResetPassword(ResetPasswordCommand reset, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(reset, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ChangePassword(ChangePasswordCommand change, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(change, cancellationToken);
        return TypedResults.NoContent();
    }
}
