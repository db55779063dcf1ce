using System.Security.Claims;
using System.Text.Encodings.Web;
using EnSakITaget.Application.Contracts;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Infrastructure.Identity;

/// <summary>Integration keys, sent as <c>X-Api-Key</c>. Only endpoints that name this scheme accept them.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDbContext db,
    CurrentUser caller,
    ILibraryDirectory libraries,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string KeyIdClaim = "api_key";

    /// <summary>Picks one scheme per request from its headers, so a token and a key never mix into one caller.</summary>
    public const string BearerOrApiKeyScheme = "BearerOrApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (Request.Headers.Authorization.Count > 0)
        {
            return AuthenticateResult.Fail("Send either a bearer token or an API key, not both.");
        }

        var parsed = ApiKey.Parse(values.ToString());
        if (parsed is not { } presented)
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var key = await db.ApiKeys.IgnoreQueryFilters().FirstOrDefaultAsync(k => k.Id == presented.Id, Context.RequestAborted);
        if (key is null || !key.Accepts(presented.Secret))
        {
            return AuthenticateResult.Fail("The API key is not valid or has been revoked.");
        }

        caller.SignInWithKey(key.Id, key.Name, await libraries.SubtreeIdsAsync(key.LibraryId, Context.RequestAborted),
            await libraries.CountyOfAsync(key.LibraryId, Context.RequestAborted));
        if (key.RecordUse(time.GetUtcNow()))
        {
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        var identity = new ClaimsIdentity([new Claim(KeyIdClaim, key.Id.ToString()), new Claim(ClaimTypes.Name, key.Name)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
