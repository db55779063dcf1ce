using System.Net.Http.Headers;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Infrastructure.Identity;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EnSakITaget.Api.IntegrationTests.Common;

public sealed record TestUser(Guid Id, string Email, string Password);

/// <summary>Accounts made straight in the database, and clients that call the API as them.</summary>
public static class TestUsers
{
    public const string Password = "Provlosen-2010";

    /// <summary>Creates an account holding the given roles; pass a library id for every role but Administrator.</summary>
    public static Task<TestUser> CreateUserAsync(this ApiFactory factory, string email, params (Role Role, Guid? LibraryId)[] roles) =>
        factory.WithSystemScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var db = services.GetRequiredService<AppDbContext>();
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(), Email = email, UserName = email, DisplayName = email.Split('@')[0],
                CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
            };
            foreach (var (role, libraryId) in roles)
            {
                var level = libraryId is { } id ? (await services.GetRequiredService<Application.Libraries.Contracts.ILibraryDirectory>().FindAsync(id, CancellationToken.None))!.Level : default;
                db.RoleAssignments.Add(RoleAssignment.Grant(user.Id, role, libraryId is null ? null : (libraryId.Value, level)));
            }

            var result = await users.CreateAsync(user, Password);
            result.Succeeded.ShouldBeTrue(string.Join(" ", result.Errors.Select(e => e.Description)));
            return new TestUser(user.Id, email, Password);
        });

    /// <summary>
    /// A client that sends the user's access token, as one from <c>/auth/login</c> would be. It is
    /// issued anew for every request, on the test clock of that moment, so tests may move the clock.
    /// </summary>
    public static Task<HttpClient> ClientForAsync(this ApiFactory factory, TestUser user) =>
        factory.WithSystemScopeAsync(async services =>
        {
            var account = (await services.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(user.Id.ToString()))!;
            var issuer = services.GetRequiredService<TokenIssuer>();
            return factory.CreateDefaultClient(new FreshTokenHandler(() => issuer.IssueAccessToken(account).Token));
        });

    public static async Task<HttpClient> ClientAsAsync(this ApiFactory factory, string email, params (Role Role, Guid? LibraryId)[] roles) =>
        await factory.ClientForAsync(await factory.CreateUserAsync(email, roles));

    private sealed class FreshTokenHandler(Func<string> issue) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", issue());
            return base.SendAsync(request, cancellationToken);
        }
    }

    public static HttpClient ClientWithKey(this ApiFactory factory, string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        return client;
    }
}
