using EnSakITaget.Api.Common;
using EnSakITaget.Application.Identity;
using EnSakITaget.Application.Identity.GetMe;
using EnSakITaget.Application.Identity.Login;
using EnSakITaget.Application.Identity.RefreshToken;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Identity;

internal sealed class AuthEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Identity");

        auth.MapPost("/login", Login)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .LimitFailedSignIns()
            .WithSummary("Sign in with e-mail and password: a bearer access token and a refresh token.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        auth.MapPost("/refresh", RefreshToken)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .LimitFailedSignIns()
            .WithSummary("Trade a refresh token for a new access token and refresh token; the old refresh token stops working.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/me", GetMe)
            .WithTags("Identity")
            .RequirePolicy(Policies.SignedIn)
            .WithSummary("Who am I: roles, the libraries I may act on, my participant record.");
    }

    private static async Task<Ok<AuthTokens>> Login(LoginCommand credentials, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(credentials, cancellationToken));

    private static async Task<Ok<AuthTokens>> RefreshToken(RefreshTokenCommand refresh, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(refresh, cancellationToken));

    private static async Task<Ok<MeDto>> GetMe(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetMeQuery(), cancellationToken));
}
