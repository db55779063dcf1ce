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
                var level = libraryId is { } id ? (await services.GetRequiredService<Application.Contracts.ILibraryDirectory>().FindAsync(id, CancellationToken.None))!.Level : default;
                db.RoleAssignments.Add(RoleAssignment.Grant(user.Id, role, libraryId is null ? null : (libraryId.Value, level)));
            }

            var result = await users.CreateAsync(user, Password);
            result.Succeeded.ShouldBeTrue(string.Join(" ", result.Errors.Select(e => e.Description)));
            return new TestUser(user.Id, email, Password);
        });

    /// <summary>A client that sends a fresh access token of the user, as one from <c>/auth/login</c> would be.</summary>
    public static Task<HttpClient> ClientForAsync(this ApiFactory factory, TestUser user) =>
        factory.WithSystemScopeAsync(async services =>
        {
            var account = (await services.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(user.Id.ToString()))!;
            var (token, _) = services.GetRequiredService<TokenIssuer>().IssueAccessToken(account);
            var client = factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        });

    public static async Task<HttpClient> ClientAsAsync(this ApiFactory factory, string email, params (Role Role, Guid? LibraryId)[] roles) =>
        await factory.ClientForAsync(await factory.CreateUserAsync(email, roles));

    public static HttpClient ClientWithKey(this ApiFactory factory, string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        return client;
    }
}
