using EnSakITaget.Api.Common;
using EnSakITaget.Application.Identity;
using EnSakITaget.Application.Identity.GetMe;
using EnSakITaget.Application.Identity.Login;
using EnSakITaget.Application.Identity.RefreshToken;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Identity;

internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Identity");

        auth.MapPost("/login", Login)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .LimitFailedSignIns()
            .WithName("Login")
            .WithSummary("Sign in with e-mail and password: a bearer access token and a refresh token.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        auth.MapPost("/refresh", Refresh)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .LimitFailedSignIns()
            .WithName("RefreshToken")
            .WithSummary("Trade a refresh token for a new access token and refresh token; the old refresh token stops working.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/me", Me)
            .WithTags("Identity")
            .RequirePolicy(Policies.SignedIn)
            .WithName("GetMe")
            .WithSummary("Who am I: roles, the libraries I may act on, my participant record.");

        return api;
    }

    private static async Task<Ok<AuthTokens>> Login(LoginCommand credentials, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(credentials, cancellationToken));

    private static async Task<Ok<AuthTokens>> Refresh(RefreshTokenCommand refresh, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(refresh, cancellationToken));

    private static async Task<Ok<MeDto>> Me(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetMeQuery(), cancellationToken));
}
