namespace EnSakITaget.Infrastructure.Identity;

/// <summary>
/// Endpoint metadata: this endpoint takes integration keys as well as bearer tokens. The default
/// scheme (<see cref="ApiKeyAuthenticationHandler.BearerOrApiKeyScheme"/>) authenticates a request with
/// <c>X-Api-Key</c> by its key only here; everywhere else the key is not looked at, and only a bearer token counts.
/// </summary>
public sealed class AcceptsApiKeys
{
    public static readonly AcceptsApiKeys Metadata = new();

    private AcceptsApiKeys()
    {
    }
}
