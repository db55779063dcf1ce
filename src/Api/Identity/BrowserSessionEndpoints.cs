using EnSakITaget.Api.Common;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Identity;
using EnSakITaget.Application.Identity.ActivateAccount;
using EnSakITaget.Application.Identity.Login;
using EnSakITaget.Application.Identity.RefreshToken;
using EnSakITaget.Application.Identity.SignOut;
using EnSakITaget.Infrastructure.Identity;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Api.Identity;

/// <summary>What the web app gets on signing in or refreshing: the access token only; the refresh token stays in an HttpOnly cookie.</summary>
public sealed record BrowserSessionDto(string TokenType, string AccessToken, int ExpiresIn);

/// <summary>
/// The web app's session (docs/adr/0011-web-session.md): the same sign-in and refresh as
/// <c>/auth/login</c> and <c>/auth/refresh</c>, but the refresh token travels in a cookie that
/// script cannot read, sent to these endpoints only; each asks for <see cref="RequestHeader"/>,
/// which a page of another site cannot send.
/// </summary>
internal sealed class BrowserSessionEndpoints : IEndpointGroup
{
    public const string Path = "/api/v1/auth/browser";
    public const string CookieName = "ensakitaget_session";
    public const string RequestHeader = "X-EnSakITaget-Request";

    public void Map(IEndpointRouteBuilder api)
    {
        var browser = api.MapGroup("/auth/browser").WithTags("Identity").AddEndpointFilter(RefuseCrossSiteRequests);

        browser.MapPost("/login", BrowserLogin)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .LimitFailedSignIns()
                        .WithSummary($"The web app signs in with e-mail and password: an access token, and the refresh token in an HttpOnly cookie. Needs the {RequestHeader} header.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        browser.MapPost("/refresh", BrowserRefresh)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .LimitFailedSignIns()
                        .WithSummary($"The web app trades its session cookie for a new access token and a new cookie; a reload keeps it signed in. Needs the {RequestHeader} header.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        browser.MapPost("/activate", BrowserActivate)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .WithSummary($"The web app's invitation page: choose a password with the invitation's token, and be signed in as by the web app's login. Needs the {RequestHeader} header.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        browser.MapPost("/sign-out", BrowserSignOut)
            .AllowAnonymous()
                        .WithSummary($"The web app signs out: the session's refresh token is revoked on the server and the cookie cleared. Needs the {RequestHeader} header.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Ok<BrowserSessionDto>> BrowserLogin(
        LoginCommand credentials, ISender sender, HttpContext context, IOptions<AuthOptions> options, CancellationToken cancellationToken) =>
        TypedResults.Ok(Keep(await sender.Send(credentials, cancellationToken), context, options.Value));

    private static async Task<Ok<BrowserSessionDto>> BrowserActivate(
        ActivateAccountCommand activation, ISender sender, HttpContext context, IOptions<AuthOptions> options, CancellationToken cancellationToken) =>
        TypedResults.Ok(Keep(await sender.Send(activation, cancellationToken), context, options.Value));

    private static async Task<Ok<BrowserSessionDto>> BrowserRefresh(
        ISender sender, HttpContext context, IOptions<AuthOptions> options, CancellationToken cancellationToken)
    {
        // A refused cookie is cleared, also on the problem answer (the exception handler clears headers set before it).
        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status401Unauthorized)
            {
                context.Response.Cookies.Delete(CookieName, CookieOptions(context));
            }

            return Task.CompletedTask;
        });
        var refreshToken = context.Request.Cookies[CookieName]
            ?? throw new UnauthorizedException("There is no session to refresh: sign in.");
        return TypedResults.Ok(Keep(await sender.Send(new RefreshTokenCommand(refreshToken), cancellationToken), context, options.Value));
    }

    private static async Task<NoContent> BrowserSignOut(ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        if (context.Request.Cookies[CookieName] is { Length: > 0 } refreshToken)
        {
            await sender.Send(new SignOutCommand(refreshToken), cancellationToken);
        }

        context.Response.Cookies.Delete(CookieName, CookieOptions(context));
        return TypedResults.NoContent();
    }

    private static BrowserSessionDto Keep(AuthTokens tokens, HttpContext context, AuthOptions options)
    {
        var cookie = CookieOptions(context);
        cookie.MaxAge = TimeSpan.FromDays(options.RefreshTokenDays);
        context.Response.Cookies.Append(CookieName, tokens.RefreshToken, cookie);
        return new BrowserSessionDto(tokens.TokenType, tokens.AccessToken, tokens.ExpiresIn);
    }

    // Secure also on http://localhost, which browsers count as a secure context.
    private static CookieOptions CookieOptions(HttpContext context) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = Path,
        IsEssential = true,
    };

    /// <summary>
    /// Antiforgery for a cookie that authenticates: a form or image of another site cannot add a
    /// header, and a script of another site cannot either without CORS allowing it; an Origin, when
    /// the browser sends one, must be this host's.
    /// </summary>
    private static ValueTask<object?> RefuseCrossSiteRequests(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var request = invocation.HttpContext.Request;
        if (!request.Headers.ContainsKey(RequestHeader))
        {
            throw new ForbiddenAccessException($"The web app's session endpoints need the {RequestHeader} header.");
        }

        if (request.Headers.Origin is [{ } origin] && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Authority == request.Host.Value))
        {
            throw new ForbiddenAccessException("The web app's session endpoints answer this site's pages only.");
        }

        return next(invocation);
    }
}
