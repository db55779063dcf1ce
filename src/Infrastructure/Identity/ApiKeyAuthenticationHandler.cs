using System.Security.Claims;
using System.Text.Encodings.Web;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Caching;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Infrastructure.Identity;

/// <summary>Integration keys, sent as <c>X-Api-Key</c>. Only endpoints marked <see cref="AcceptsApiKeys"/> accept them.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    Lazy<AppDbContext> database,
    CurrentUser caller,
    Lazy<ILibraryDirectory> directory,
    TimeProvider time,
    ApiKeyAuthenticationHandler.KnownKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string KeyIdClaim = "api_key";

    /// <summary>The default scheme: picks one scheme per request from its headers and endpoint, so a token and a key never mix into one caller.</summary>
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

        var known = await keys.Keys.GetAsync(presented.Id, ReadAsync, Context.RequestAborted);
        if (known is null || !known.Key.Accepts(presented.Secret))
        {
            return AuthenticateResult.Fail("The API key is not valid or has been revoked.");
        }

        var key = known.Key;
        caller.SignInWithKey(key.Id, key.Name, known.Subtree, known.CountyId);
        if (key.IsUseWorthRecording(time.GetUtcNow()))
        {
            var tracked = await database.Value.ApiKeyAsync(key.Id, tracked: true, Context.RequestAborted);
            if (tracked is null || tracked.IsRevoked)
            {
                return AuthenticateResult.Fail("The API key is not valid or has been revoked.");
            }

            if (tracked.RecordUse(time.GetUtcNow()))
            {
                await database.Value.SaveChangesAsync(Context.RequestAborted);
            }
        }

        var identity = new ClaimsIdentity([new Claim(KeyIdClaim, key.Id.ToString()), new Claim(ClaimTypes.Name, key.Name)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private async Task<KnownKey?> ReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var key = await database.Value.ApiKeyAsync(id, tracked: false, cancellationToken);
        var libraries = directory.Value;
        return key is null
            ? null
            : new KnownKey(key, await libraries.SubtreeIdsAsync(key.LibraryId, cancellationToken), await libraries.CountyOfAsync(key.LibraryId, cancellationToken));
    }

    /// <summary>A key as read, never changed: its last use is written through a tracked copy.</summary>
    internal sealed record KnownKey(ApiKey Key, IReadOnlySet<Guid> Subtree, Guid? CountyId);

    /// <summary>The keys kept between requests until a change signal says a key, a role or the tree changed.</summary>
    public sealed class KnownKeys(IChangeSignals signals)
    {
        internal SignalledMap<Guid, KnownKey?> Keys { get; } = new(signals, ChangeTopic.Access, ChangeTopic.LibraryTree);
    }
}
