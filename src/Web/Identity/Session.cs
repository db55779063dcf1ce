using EnSakITaget.Web.Common.Api;

namespace EnSakITaget.Web.Identity;

/// <summary>
/// Who is signed in, and their access token, in memory only (docs/adr/0011-web-session.md): the
/// refresh token lives in an HttpOnly cookie that the app never sees, so a reload asks the server
/// for a new access token with it.
/// </summary>
public sealed class Session(ApiClient api, TimeProvider time)
{
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromSeconds(30);

    private string? accessToken;
    private DateTimeOffset expiresAt;
    private Task<bool>? refreshing;

    /// <summary>The signed-in account, or null.</summary>
    public MeDto? Me { get; private set; }

    public bool IsSignedIn => Me is not null;

    /// <summary>Set when the server ended the session under the reader's feet; the sign-in page says so.</summary>
    public bool Expired { get; private set; }

    public event Action? Changed;

    /// <summary>On start: a session cookie from before the reload gives a new access token, or nothing happens.</summary>
    public async Task RestoreAsync()
    {
        if (await RefreshAsync())
        {
            await LoadMeAsync();
        }
    }

    /// <exception cref="ApiException">The server refused the sign-in (401, 429) or the input (400).</exception>
    public async Task SignInAsync(string email, string password)
    {
        Keep(await api.BrowserLoginAsync(new LoginCommand { Email = email, Password = password }));
        Expired = false;
        await LoadMeAsync();
    }

    /// <summary>The invitation page: the password chosen with the invitation's token makes the account, and the session starts as on signing in.</summary>
    /// <exception cref="ApiException">The server refused the token or the password (400), or too many tries (429).</exception>
    public async Task ActivateAsync(string token, string password)
    {
        Keep(await api.BrowserActivateAsync(new ActivateAccountCommand { Token = token, Password = password }));
        Expired = false;
        await LoadMeAsync();
    }

    public async Task SignOutAsync()
    {
        try
        {
            await api.BrowserSignOutAsync();
        }
        finally
        {
            Forget(expired: false);
        }
    }

    /// <summary>A valid access token, refreshed first when it is about to run out; null when there is no session.</summary>
    public async Task<string?> AccessTokenAsync()
    {
        if (accessToken is not null && time.GetUtcNow() < expiresAt - RefreshAhead)
        {
            return accessToken;
        }

        return accessToken is null || !await RefreshAsync() ? null : accessToken;
    }

    /// <summary>One refresh at a time: two requests that find the token stale share one refresh, as the server rotates the cookie.</summary>
    public Task<bool> RefreshAsync() => refreshing ??= RefreshOnceAsync();

    /// <summary>The server said no to the session: forget it and let the sign-in page tell the reader.</summary>
    public void Expire()
    {
        if (IsSignedIn)
        {
            Forget(expired: true);
        }
    }

    private async Task<bool> RefreshOnceAsync()
    {
        try
        {
            Keep(await api.BrowserRefreshAsync());
            return true;
        }
        catch (ApiException)
        {
            accessToken = null;
            return false;
        }
        finally
        {
            refreshing = null;
        }
    }

    private async Task LoadMeAsync()
    {
        Me = await api.GetMeAsync();
        Changed?.Invoke();
    }

    private void Keep(BrowserSessionDto session)
    {
        accessToken = session.AccessToken;
        expiresAt = time.GetUtcNow().AddSeconds(session.ExpiresIn ?? 0);
    }

    private void Forget(bool expired)
    {
        accessToken = null;
        Me = null;
        Expired = expired;
        Changed?.Invoke();
    }
}
