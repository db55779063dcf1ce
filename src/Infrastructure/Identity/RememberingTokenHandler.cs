using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EnSakITaget.Infrastructure.Identity;

/// <summary>
/// Validates an access token's signature, issuer and audience once, and remembers the result
/// for the same token text until the token expires. Its lifetime is judged again on every use,
/// by the same validator, and the account behind it is still checked on every request
/// (<see cref="CallerLoader"/>). A token that differs by one character is a different token.
/// Parsing and checking the signature was the largest cost of a request answered from memory.
/// </summary>
internal sealed class RememberingTokenHandler : JsonWebTokenHandler
{
    private const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Validated> validated = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (validated.TryGetValue(token, out var known))
        {
            if (validationParameters.LifetimeValidator is { } lifetime
                && lifetime(known.Token.ValidFrom, known.Token.ValidTo, known.Token, validationParameters))
            {
                return new TokenValidationResult
                {
                    IsValid = true,
                    SecurityToken = known.Token,
                    Issuer = known.Token.Issuer,
                    ClaimsIdentity = known.Identity.Clone(),
                };
            }

            validated.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken checkedToken && validationParameters.LifetimeValidator is not null)
        {
            if (validated.Count >= Capacity)
            {
                validated.Clear();
            }

            // A copy: the request's own identity is given the caller's roles later.
            validated[token] = new Validated(checkedToken, result.ClaimsIdentity.Clone());
        }

        return result;
    }

    private sealed record Validated(JsonWebToken Token, ClaimsIdentity Identity);
}
