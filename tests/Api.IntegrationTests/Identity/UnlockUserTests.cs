using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Audit.ListAuditEntries;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Identity;
using EnSakITaget.Domain.Audit;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Infrastructure.Identity;

namespace EnSakITaget.Api.IntegrationTests.Identity;

public sealed class UnlockUserTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task An_administrator_unlocks_a_locked_account_which_then_signs_in_and_the_unlock_is_audited()
    {
        var (_, municipality, _) = await Client.CreateSmallTreeAsync();
        var user = await Factory.CreateUserAsync("anna@test.local", (Role.Coordinator, municipality.Id));
        await LockAsync(user);

        var unlocked = await (await Client.PostAsync($"/api/v1/users/{user.Id}/unlock", null)).ShouldBeAsync<UserDto>(HttpStatusCode.OK);

        unlocked.LockedOutUntil.ShouldBeNull();
        await (await LoginAsync(user.Email, user.Password)).ShouldBeAsync<AuthTokens>(HttpStatusCode.OK);
        var trail = await (await Client.GetAsync($"/api/v1/audit?entityType=User&entityId={user.Id}"))
            .ShouldBeAsync<PagedList<AuditEntryDto>>(HttpStatusCode.OK);
        var entry = trail.Items.Where(e => e.Action == AuditAction.Updated).ShouldHaveSingleItem();
        (entry.Action, entry.ActorId).ShouldBe((AuditAction.Updated, Administrator.Id));
        entry.Changes.EnumerateObject().Select(c => c.Name).ShouldBe(["lockoutEnd", "revision"], ignoreOrder: true);
        entry.Changes.GetProperty("lockoutEnd").GetProperty("to").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        entry.Changes.GetProperty("lockoutEnd").GetProperty("from").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_county_admin_unlocks_an_account_of_their_county()
    {
        var (county, _, branch) = await Client.CreateSmallTreeAsync();
        var user = await Factory.CreateUserAsync("anna@test.local", (Role.Participant, branch.Id));
        var countyAdmin = await Factory.ClientAsAsync("lan@test.local", (Role.CountyAdmin, county.Id));
        await LockAsync(user);

        var unlocked = await (await countyAdmin.PostAsync($"/api/v1/users/{user.Id}/unlock", null)).ShouldBeAsync<UserDto>(HttpStatusCode.OK);

        unlocked.LockedOutUntil.ShouldBeNull();
        await (await LoginAsync(user.Email, user.Password)).ShouldBeAsync<AuthTokens>(HttpStatusCode.OK);
        var trail = await (await Client.GetAsync($"/api/v1/audit?entityType=User&entityId={user.Id}"))
            .ShouldBeAsync<PagedList<AuditEntryDto>>(HttpStatusCode.OK);
        trail.Items.Where(e => e.Action == AuditAction.Updated).ShouldHaveSingleItem().ActorName.ShouldBe("lan@test.local");
    }

    [Fact]
    public async Task A_county_admin_of_another_county_gets_404_and_the_account_stays_locked()
    {
        var (_, _, branch) = await Client.CreateSmallTreeAsync();
        var otherCounty = await Client.CreateCountyAsync("Kronobergs län", "07");
        var user = await Factory.CreateUserAsync("anna@test.local", (Role.Participant, branch.Id));
        var outsider = await Factory.ClientAsAsync("kronoberg@test.local", (Role.CountyAdmin, otherCounty.Id));
        await LockAsync(user);
        var before = await SnapshotDataAsync();

        var response = await outsider.PostAsync($"/api/v1/users/{user.Id}/unlock", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await SnapshotDataAsync()).ShouldBe(before);
        await (await LoginAsync(user.Email, user.Password)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unlocking_an_account_that_is_not_locked_changes_nothing()
    {
        var (_, _, branch) = await Client.CreateSmallTreeAsync();
        var user = await Factory.CreateUserAsync("anna@test.local", (Role.Participant, branch.Id));
        var before = await SnapshotDataAsync();

        var unlocked = await (await Client.PostAsync($"/api/v1/users/{user.Id}/unlock", null)).ShouldBeAsync<UserDto>(HttpStatusCode.OK);

        unlocked.LockedOutUntil.ShouldBeNull();
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Unlocking_an_account_that_does_not_exist_answers_404()
    {
        await (await Client.PostAsync($"/api/v1/users/{Guid.NewGuid()}/unlock", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task LockAsync(TestUser user)
    {
        for (var attempt = 0; attempt < new AuthOptions().MaxFailedLogins; attempt++)
        {
            (await LoginAsync(user.Email, "Fel-losenord-99")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        await (await LoginAsync(user.Email, user.Password)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    private Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        Factory.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email, password });
}
