using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Identity;
using EnSakITaget.Application.Identity.GetMe;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit.Abstractions;

namespace EnSakITaget.Api.IntegrationTests.Identity;

public sealed class LoginTests(ApiFactory factory, ITestOutputHelper output) : ApiTest(factory)
{
    private const string LoginUrl = "/api/v1/auth/login";
    private const string RefreshUrl = "/api/v1/auth/refresh";
    private const string WrongPassword = "Fel-losenord-99";

    [Fact]
    public async Task Signing_in_with_the_right_password_gives_a_bearer_token_that_opens_me()
    {
        var user = await CreateCoordinatorAsync("anna@test.local");

        var tokens = await (await LoginAsync(user.Email, TestUsers.Password)).ShouldBeAsync<AuthTokens>(HttpStatusCode.OK);

        tokens.TokenType.ShouldBe("Bearer");
        tokens.AccessToken.ShouldNotBeNullOrWhiteSpace();
        tokens.ExpiresIn.ShouldBe(new AuthOptions().AccessTokenMinutes * 60);
        tokens.RefreshToken.ShouldNotBeNullOrWhiteSpace();
        var me = await (await GetMeAsync(tokens.AccessToken)).ShouldBeAsync<MeDto>(HttpStatusCode.OK);
        me.Id.ShouldBe(user.Id);
        me.Email.ShouldBe("anna@test.local");
    }

    [Fact]
    public async Task The_email_is_matched_whatever_its_case()
    {
        await CreateCoordinatorAsync("anna@test.local");

        var response = await LoginAsync("Anna@Test.Local", TestUsers.Password);

        await response.ShouldBeAsync<AuthTokens>(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_password_answers_401_with_a_problem()
    {
        var user = await CreateCoordinatorAsync("anna@test.local");

        var problem = await (await LoginAsync(user.Email, WrongPassword)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task An_unknown_email_answers_401_with_the_same_detail_as_a_wrong_password()
    {
        var user = await CreateCoordinatorAsync("anna@test.local");

        var wrongPassword = await (await LoginAsync(user.Email, WrongPassword)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var unknownEmail = await (await LoginAsync("ingen@test.local", WrongPassword)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        unknownEmail.GetProperty("title").GetString().ShouldBe(wrongPassword.GetProperty("title").GetString());
        unknownEmail.GetProperty("detail").GetString().ShouldBe(wrongPassword.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task After_too_many_wrong_passwords_even_the_right_one_is_refused_for_a_while()
    {
        var user = await CreateCoordinatorAsync("anna@test.local");
        for (var attempt = 0; attempt < new AuthOptions().MaxFailedLogins; attempt++)
        {
            await (await LoginAsync(user.Email, WrongPassword)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        await (await LoginAsync(user.Email, TestUsers.Password)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        var account = await (await Client.GetAsync($"/api/v1/users/{user.Id}")).ShouldBeAsync<UserDto>(HttpStatusCode.OK);
        account.LockedOutUntil.ShouldNotBeNull();
        account.LockedOutUntil.Value.ShouldBeGreaterThan(DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Wrong_passwords_below_the_limit_do_not_lock_the_account()
    {
        var user = await CreateCoordinatorAsync("anna@test.local");
        for (var attempt = 1; attempt < new AuthOptions().MaxFailedLogins; attempt++)
        {
            await (await LoginAsync(user.Email, WrongPassword)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        await (await LoginAsync(user.Email, TestUsers.Password)).ShouldBeAsync<AuthTokens>(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_locked_account_answers_like_a_wrong_password_and_as_slowly()
    {
        var (_, municipality, _) = await Client.CreateSmallTreeAsync();
        var locked = await Factory.CreateUserAsync("locked@test.local", (Role.Coordinator, municipality.Id));
        var unlocked = new List<TestUser>();
        for (var i = 0; i < 6; i++)
        {
            // Enough accounts that none of them reaches the lockout during the test.
            unlocked.Add(await Factory.CreateUserAsync($"unlocked{i}@test.local", (Role.Coordinator, municipality.Id)));
        }

        for (var attempt = 0; attempt < new AuthOptions().MaxFailedLogins; attempt++)
        {
            (await LoginAsync(locked.Email, WrongPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var wrongPassword = await (await LoginAsync(unlocked[0].Email, WrongPassword)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var lockedOut = await (await LoginAsync(locked.Email, locked.Password)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (lockedOut.GetProperty("title").GetString(), lockedOut.GetProperty("detail").GetString())
            .ShouldBe((wrongPassword.GetProperty("title").GetString(), wrongPassword.GetProperty("detail").GetString()));

        // Alternated, so that whatever else the machine does weighs on both alike.
        var (lockedTimes, wrongTimes) = (new List<double>(), new List<double>());
        for (var attempt = 0; attempt < 15; attempt++)
        {
            lockedTimes.Add(await TimeLoginAsync(locked.Email, attempt % 2 == 0 ? locked.Password : WrongPassword));
            wrongTimes.Add(await TimeLoginAsync(unlocked[(attempt + 1) % unlocked.Count].Email, WrongPassword));
        }

        var ratio = Median(lockedTimes) / Median(wrongTimes);
        var figures = $"median of 15: locked {Median(lockedTimes):F1} ms, wrong password {Median(wrongTimes):F1} ms, ratio {ratio:F2}";
        output.WriteLine(figures);
        ratio.ShouldBeInRange(0.5, 2.0, figures);
    }

    [Fact]
    public async Task An_access_token_without_an_expiry_is_refused_though_signed_with_the_signing_key()
    {
        var user = await CreateCoordinatorAsync("anna@test.local");
        var stamp = await Factory.WithSystemScopeAsync(async services =>
            (await services.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(user.Id.ToString()))!.SecurityStamp!);
        var now = Factory.Clock.GetUtcNow().UtcDateTime;
        string TokenExpiring(DateTime? expires) => new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = new AuthOptions().Issuer,
            Audience = new AuthOptions().Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            Subject = new ClaimsIdentity(
                [new Claim("sub", user.Id.ToString()), new Claim("email", user.Email), new Claim(CallerLoader.SecurityStampClaim, stamp)]),
            SigningCredentials = new SigningCredentials(
                TokenIssuer.SigningKeyFrom(new AuthOptions { SigningKey = ApiFactory.SigningKey }), SecurityAlgorithms.HmacSha256),
        });
        var withoutExpiry = TokenExpiring(null);
        new JsonWebToken(withoutExpiry).TryGetPayloadValue<long>("exp", out _).ShouldBeFalse();

        (await GetMeAsync(TokenExpiring(now.AddMinutes(15)))).StatusCode.ShouldBe(HttpStatusCode.OK, "the same token with an expiry is accepted");
        await (await GetMeAsync(withoutExpiry)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await GetMeAsync(withoutExpiry)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("""{"password":"Provlosen-2010"}""", "email")]
    [InlineData("""{"email":"anna@test.local"}""", "password")]
    [InlineData("""{"email":"","password":""}""", "email", "password")]
    [InlineData("""{}""", "email", "password")]
    public async Task A_login_without_email_or_password_answers_400_naming_the_field(string body, params string[] fields)
    {
        var response = await Factory.CreateClient().SendRawJsonAsync(HttpMethod.Post, LoginUrl, body);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, fields);
    }

    [Fact]
    public async Task Refreshing_gives_a_new_pair_and_the_old_refresh_token_stops_working()
    {
        var user = await CreateCoordinatorAsync("anna@test.local");
        var first = await (await LoginAsync(user.Email, TestUsers.Password)).ShouldBeAsync<AuthTokens>(HttpStatusCode.OK);

        var second = await (await RefreshAsync(first.RefreshToken)).ShouldBeAsync<AuthTokens>(HttpStatusCode.OK);

        second.TokenType.ShouldBe("Bearer");
        second.RefreshToken.ShouldNotBe(first.RefreshToken);
        second.AccessToken.ShouldNotBe(first.AccessToken);
        (await GetMeAsync(second.AccessToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await RefreshAsync(first.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Reusing_an_old_refresh_token_signs_out_the_newer_one_too()
    {
        var user = await CreateCoordinatorAsync("anna@test.local");
        var first = await (await LoginAsync(user.Email, TestUsers.Password)).ShouldBeAsync<AuthTokens>(HttpStatusCode.OK);
        var second = await (await RefreshAsync(first.RefreshToken)).ShouldBeAsync<AuthTokens>(HttpStatusCode.OK);

        await (await RefreshAsync(first.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        await (await RefreshAsync(second.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("bm90LWEtcmVmcmVzaC10b2tlbi1hdC1hbGwtMDEyMzQ1Njc4OQ")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl")]
    public async Task A_made_up_refresh_token_answers_401(string refreshToken)
    {
        await (await RefreshAsync(refreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_access_token_used_again_and_again_still_expires_on_time_and_still_dies_with_its_password()
    {
        var (_, _, branch) = await Client.CreateSmallTreeAsync();
        var user = await Factory.CreateUserAsync("anna@test.local", (Role.Participant, branch.Id));
        var tokens = await (await LoginAsync(user.Email, TestUsers.Password)).ShouldBeAsync<AuthTokens>(HttpStatusCode.OK);
        var repeated = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            repeated.Add((await GetMeAsync(tokens.AccessToken)).StatusCode);
        }

        Factory.Clock.Advance(TimeSpan.FromSeconds(tokens.ExpiresIn) + TimeSpan.FromMinutes(1));
        var afterExpiry = (await GetMeAsync(tokens.AccessToken)).StatusCode;
        Factory.Clock.Advance(-(TimeSpan.FromSeconds(tokens.ExpiresIn) + TimeSpan.FromMinutes(1)));
        var backInTime = (await GetMeAsync(tokens.AccessToken)).StatusCode;
        await (await Client.PutJsonAsync($"/api/v1/users/{user.Id}", new
        {
            email = user.Email, displayName = "Anna", password = "Nytt-losenord-2011",
            roles = new[] { new { role = "Participant", libraryId = branch.Id } },
        })).ShouldBeAsync<UserDto>(HttpStatusCode.OK);
        var afterNewPassword = (await GetMeAsync(tokens.AccessToken)).StatusCode;

        repeated.ShouldAllBe(status => status == HttpStatusCode.OK);
        afterExpiry.ShouldBe(HttpStatusCode.Unauthorized);
        backInTime.ShouldBe(HttpStatusCode.OK);
        afterNewPassword.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task After_an_administrator_changes_a_password_the_old_refresh_token_answers_401()
    {
        var (_, _, branch) = await Client.CreateSmallTreeAsync();
        var user = await Factory.CreateUserAsync("anna@test.local", (Role.Participant, branch.Id));
        var anonymous = Factory.CreateClient();
        var tokens = await (await anonymous.PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password }))
            .ShouldBeAsync<AuthTokens>(HttpStatusCode.OK);

        await (await Client.PutJsonAsync($"/api/v1/users/{user.Id}", new
        {
            email = user.Email, displayName = "Anna", password = "Nytt-losenord-2011",
            roles = new[] { new { role = "Participant", libraryId = branch.Id } },
        })).ShouldBeAsync<UserDto>(HttpStatusCode.OK);

        await (await anonymous.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task After_an_administrator_changes_a_password_the_old_access_token_answers_401()
    {
        var (_, municipality, _) = await Client.CreateSmallTreeAsync();
        var user = await Factory.CreateUserAsync("anna@test.local", (Role.Coordinator, municipality.Id));
        var old = await (await LoginAsync(user.Email, TestUsers.Password)).ShouldBeAsync<AuthTokens>(HttpStatusCode.OK);
        (await GetMeAsync(old.AccessToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await Client.PutJsonAsync($"/api/v1/users/{user.Id}", new
        {
            email = user.Email,
            displayName = "Anna",
            password = "Nytt-losenord-2011",
            roles = new[] { new { role = "Coordinator", libraryId = municipality.Id } },
        })).ShouldBeAsync<UserDto>(HttpStatusCode.OK);

        await (await GetMeAsync(old.AccessToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await LoginAsync(user.Email, TestUsers.Password)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await LoginAsync(user.Email, "Nytt-losenord-2011")).ShouldBeAsync<AuthTokens>(HttpStatusCode.OK);
    }

    private async Task<TestUser> CreateCoordinatorAsync(string email)
    {
        var (_, municipality, _) = await Client.CreateSmallTreeAsync();
        return await Factory.CreateUserAsync(email, (Role.Coordinator, municipality.Id));
    }

    private async Task<double> TimeLoginAsync(string email, string password)
    {
        var client = Factory.CreateClient();
        var watch = Stopwatch.StartNew();
        var response = await client.PostJsonAsync(LoginUrl, new { email, password });
        watch.Stop();
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        Factory.CreateClient().PostJsonAsync(LoginUrl, new { email, password });

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        Factory.CreateClient().PostJsonAsync(RefreshUrl, new { refreshToken });

    private Task<HttpResponseMessage> GetMeAsync(string accessToken)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client.GetAsync("/api/v1/me");
    }
}
