using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Identity;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Infrastructure.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EnSakITaget.Api.IntegrationTests.Identity;

/// <summary>
/// The sign-in limits as shipped (every <c>Auth</c> default), behind one trusted proxy, 10.0.0.1.
/// The test server has no network: each request says which peer it comes from in
/// <see cref="PeerAddressFactory.PeerHeader"/>, set on the connection before anything else runs.
/// </summary>
public sealed class PeerAddressFactory() : ApiFactory(new()
{
    ["Auth:LoginAttemptsPerMinute"] = new AuthOptions().LoginAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["Auth:FailedLoginsPerMinute"] = new AuthOptions().FailedLoginsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["ForwardedHeaders:KnownProxies:0"] = KnownProxy,
})
{
    public const string PeerHeader = "X-Test-Peer";
    public const string KnownProxy = "10.0.0.1";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerFromHeader>());
    }

    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate inner) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                }

                return inner(context);
            });
            next(app);
        };
    }
}

public sealed class SignInLimitsTests(PeerAddressFactory factory) : IClassFixture<PeerAddressFactory>, IAsyncLifetime
{
    private const string WrongPassword = "Fel-losenord-99";
    private static readonly int FailuresPerAddress = new AuthOptions().FailedLoginsPerMinute;

    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        await factory.ResetDataAsync();
        admin = await factory.ClientForAsync(await factory.CreateUserAsync("admin@test.local", (Role.Administrator, null)));
    }

    public Task DisposeAsync()
    {
        admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Twenty_staff_signing_in_and_refreshing_at_a_kick_off_behind_one_address_are_all_let_in()
    {
        var (_, _, branch) = await admin.CreateSmallTreeAsync();
        var staff = new List<TestUser>();
        for (var i = 1; i <= 20; i++)
        {
            staff.Add(await factory.CreateUserAsync($"personal{i}@varnamo.example.se", (Role.Participant, branch.Id)));
        }

        var answers = new List<HttpStatusCode>();
        foreach (var person in staff)
        {
            var signedIn = await LoginAsync(person.Email, person.Password, peer: "192.0.2.10");
            answers.Add(signedIn.StatusCode);
            var tokens = await signedIn.ShouldBeAsync<AuthTokens>(HttpStatusCode.OK);
            answers.Add((await RefreshAsync(tokens.RefreshToken, peer: "192.0.2.10")).StatusCode);
        }

        answers.Count.ShouldBeGreaterThan(FailuresPerAddress);
        answers.ShouldAllBe(status => status == HttpStatusCode.OK);
    }

    [Fact]
    public async Task Failed_sign_ins_from_one_address_beyond_the_limit_answer_429_with_retry_after_while_other_addresses_pass()
    {
        var user = await CreateCoordinatorAsync("anna@test.local");
        for (var attempt = 0; attempt < FailuresPerAddress; attempt++)
        {
            // Each a different account, so that no account lockout comes first.
            (await LoginAsync($"ingen{attempt}@test.local", WrongPassword, peer: "198.51.100.7")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var refused = await LoginAsync(user.Email, user.Password, peer: "198.51.100.7");
        var refusedRefresh = await RefreshAsync("bm90LWEtcmVmcmVzaC10b2tlbi1hdC1hbGwtMDEyMzQ1Njc4OQ", peer: "198.51.100.7");
        var elsewhere = await LoginAsync(user.Email, user.Password, peer: "198.51.100.8");

        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        RetryAfterSeconds(refused).ShouldBeInRange(1.0, 60.0);
        await refusedRefresh.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        await elsewhere.ShouldBeAsync<AuthTokens>(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Failed_refreshes_count_against_the_address_too()
    {
        for (var attempt = 0; attempt < FailuresPerAddress; attempt++)
        {
            (await RefreshAsync($"made-up-refresh-token-{attempt:D4}-0123456789abcdef", peer: "198.51.100.20")).StatusCode
                .ShouldBe(HttpStatusCode.Unauthorized);
        }

        await (await RefreshAsync("made-up-refresh-token-last-0123456789abcdef", peer: "198.51.100.20"))
            .ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Wrong_passwords_for_one_account_lock_it_whichever_addresses_they_come_from()
    {
        var user = await CreateCoordinatorAsync("anna@test.local");
        for (var attempt = 0; attempt < new AuthOptions().MaxFailedLogins; attempt++)
        {
            (await LoginAsync(user.Email, WrongPassword, peer: $"203.0.113.{attempt + 1}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var rightPassword = await LoginAsync(user.Email, user.Password, peer: "203.0.113.200");

        await rightPassword.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var account = await (await admin.GetAsync($"/api/v1/users/{user.Id}")).ShouldBeAsync<UserDto>(HttpStatusCode.OK);
        account.LockedOutUntil.ShouldNotBeNull();
    }

    [Fact]
    public async Task X_forwarded_for_from_a_peer_that_is_no_configured_proxy_is_ignored()
    {
        for (var attempt = 0; attempt < FailuresPerAddress; attempt++)
        {
            // A client that names a new address each time, hoping to count against someone else.
            (await LoginAsync($"ingen{attempt}@test.local", WrongPassword, peer: "10.0.0.99", forwardedFor: $"192.0.2.{attempt + 1}"))
                .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var response = await LoginAsync("ingen@test.local", WrongPassword, peer: "10.0.0.99", forwardedFor: "192.0.2.250");

        await response.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task X_forwarded_for_from_the_configured_proxy_names_the_client_whose_failures_count()
    {
        var user = await CreateCoordinatorAsync("anna@test.local");
        for (var attempt = 0; attempt < FailuresPerAddress; attempt++)
        {
            (await LoginAsync($"ingen{attempt}@test.local", WrongPassword, peer: PeerAddressFactory.KnownProxy, forwardedFor: "198.51.100.30"))
                .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var sameClient = await LoginAsync(user.Email, user.Password, peer: PeerAddressFactory.KnownProxy, forwardedFor: "198.51.100.30");
        var otherClient = await LoginAsync(user.Email, user.Password, peer: PeerAddressFactory.KnownProxy, forwardedFor: "198.51.100.31");

        await sameClient.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        await otherClient.ShouldBeAsync<AuthTokens>(HttpStatusCode.OK);
    }

    private async Task<TestUser> CreateCoordinatorAsync(string email)
    {
        var (_, municipality, _) = await admin.CreateSmallTreeAsync();
        return await factory.CreateUserAsync(email, (Role.Coordinator, municipality.Id));
    }

    private Task<HttpResponseMessage> LoginAsync(string email, string password, string peer, string? forwardedFor = null) =>
        SendAsync("/api/v1/auth/login", new { email, password }, peer, forwardedFor);

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken, string peer) =>
        SendAsync("/api/v1/auth/refresh", new { refreshToken }, peer, forwardedFor: null);

    private Task<HttpResponseMessage> SendAsync(string url, object body, string peer, string? forwardedFor)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(PeerAddressFactory.PeerHeader, peer);
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        return client.PostJsonAsync(url, body);
    }

    private static double RetryAfterSeconds(HttpResponseMessage response) =>
        response.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldNotBeNull().TotalSeconds;
}
