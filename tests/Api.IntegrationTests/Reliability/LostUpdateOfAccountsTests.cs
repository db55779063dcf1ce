using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Identity;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Infrastructure.Identity;

namespace EnSakITaget.Api.IntegrationTests.Reliability;

/// <summary>
/// No lost updates on accounts: an account answers with its revision as a strong ETag, and a
/// change of its roles or its removal whose If-Match no longer holds answers 412, changes nothing,
/// and leaves the first change as it was.
/// </summary>
public sealed class LostUpdateOfAccountsTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Url = "/api/v1/users";

    [Fact]
    public async Task Of_two_admins_who_change_the_same_accounts_roles_from_one_reading_the_second_is_told_412_and_the_first_roles_stay()
    {
        var (county, municipality, branch) = await Client.CreateSmallTreeAsync();
        var user = await Factory.CreateUserAsync("anna@test.local", (Role.Coordinator, municipality.Id));
        var countyAdmin = await Factory.ClientAsAsync("lan@test.local", (Role.CountyAdmin, county.Id));
        var read = await Client.GetAsync($"{Url}/{user.Id}");
        var tag = read.Headers.ETag.ShouldNotBeNull();
        tag.IsWeak.ShouldBeFalse();
        (await countyAdmin.GetAsync($"{Url}/{user.Id}")).Headers.ETag.ShouldNotBeNull().Tag.ShouldBe(tag.Tag);

        var first = await Client.SendAsync(Change(HttpMethod.Put, user, tag.Tag, (Role.Coordinator, municipality.Id), (Role.Participant, branch.Id)));
        var before = await SnapshotDataAsync();
        var second = await countyAdmin.SendAsync(Change(HttpMethod.Put, user, tag.Tag, (Role.Participant, branch.Id)));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var firstTag = first.Headers.ETag.ShouldNotBeNull().Tag;
        firstTag.ShouldNotBe(tag.Tag);
        var problem = await second.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        problem.GetProperty("currentETag").GetString().ShouldBe(firstTag);
        (await SnapshotDataAsync()).ShouldBe(before, "a refused change saves nothing");
        var now = await Client.GetAsync($"{Url}/{user.Id}");
        (await now.ShouldBeAsync<UserDto>(HttpStatusCode.OK)).Roles.Select(r => r.Role).ShouldBe([Role.Coordinator, Role.Participant], ignoreOrder: true);
        now.Headers.ETag.ShouldNotBeNull().Tag.ShouldBe(firstTag);
    }

    [Fact]
    public async Task A_change_with_the_tag_of_the_last_answer_is_saved_and_one_without_if_match_is_applied_as_before()
    {
        var (_, municipality, branch) = await Client.CreateSmallTreeAsync();
        var user = await Factory.CreateUserAsync("anna@test.local", (Role.Coordinator, municipality.Id));
        var tag = (await Client.GetAsync($"{Url}/{user.Id}")).Headers.ETag.ShouldNotBeNull().Tag;

        var changed = await Client.SendAsync(Change(HttpMethod.Put, user, tag, (Role.Participant, branch.Id)));
        var again = await Client.SendAsync(Change(HttpMethod.Put, user, changed.Headers.ETag.ShouldNotBeNull().Tag, (Role.Coordinator, municipality.Id)));
        var blind = await Client.SendAsync(Change(HttpMethod.Put, user, ifMatch: null, (Role.Participant, branch.Id)));

        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await blind.ShouldBeAsync<UserDto>(HttpStatusCode.OK)).Roles.ShouldHaveSingleItem().Role.ShouldBe(Role.Participant);
        blind.Headers.ETag.ShouldNotBeNull().Tag.ShouldNotBe(again.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task An_account_removed_with_a_tag_from_before_its_unlock_is_refused_412_and_stays_with_its_roles()
    {
        var (_, municipality, _) = await Client.CreateSmallTreeAsync();
        var user = await Factory.CreateUserAsync("anna@test.local", (Role.Coordinator, municipality.Id));
        await LockAsync(user);
        var stale = (await Client.GetAsync($"{Url}/{user.Id}")).Headers.ETag.ShouldNotBeNull().Tag;
        var unlock = await Client.PostAsync($"{Url}/{user.Id}/unlock", null);
        unlock.StatusCode.ShouldBe(HttpStatusCode.OK);
        unlock.Headers.ETag.ShouldNotBeNull().Tag.ShouldNotBe(stale, "lifting a lockout changes the account");
        var before = await SnapshotDataAsync();

        await (await Client.SendAsync(Change(HttpMethod.Delete, user, stale))).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        (await SnapshotDataAsync()).ShouldBe(before, "a refused removal removes neither the account nor its roles");
        var kept = await (await Client.GetAsync($"{Url}/{user.Id}")).ShouldBeAsync<UserDto>(HttpStatusCode.OK);
        kept.Roles.ShouldHaveSingleItem().LibraryId.ShouldBe(municipality.Id);
        (await Client.SendAsync(Change(HttpMethod.Delete, user, unlock.Headers.ETag.Tag))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Wrong_passwords_do_not_move_the_revision_so_an_admins_change_from_before_them_is_saved()
    {
        var (_, municipality, branch) = await Client.CreateSmallTreeAsync();
        var user = await Factory.CreateUserAsync("anna@test.local", (Role.Coordinator, municipality.Id));
        var tag = (await Client.GetAsync($"{Url}/{user.Id}")).Headers.ETag.ShouldNotBeNull().Tag;

        await LockAsync(user);

        (await Client.GetAsync($"{Url}/{user.Id}")).Headers.ETag.ShouldNotBeNull().Tag.ShouldBe(tag);
        (await Client.SendAsync(Change(HttpMethod.Put, user, tag, (Role.Participant, branch.Id)))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_password_the_person_changes_moves_the_revision()
    {
        var (_, municipality, _) = await Client.CreateSmallTreeAsync();
        var user = await Factory.CreateUserAsync("anna@test.local", (Role.Coordinator, municipality.Id));
        var tag = (await Client.GetAsync($"{Url}/{user.Id}")).Headers.ETag.ShouldNotBeNull().Tag;
        var anna = await Factory.ClientForAsync(user);

        (await anna.PutJsonAsync("/api/v1/me/password", new { currentPassword = user.Password, newPassword = "Annas-nya-2011!" })).IsSuccessStatusCode.ShouldBeTrue();

        (await Client.GetAsync($"{Url}/{user.Id}")).Headers.ETag.ShouldNotBeNull().Tag.ShouldNotBe(tag);
        await (await Client.SendAsync(Change(HttpMethod.Put, user, tag, (Role.Coordinator, municipality.Id)))).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    private async Task LockAsync(TestUser user)
    {
        using var stranger = Factory.CreateClient();
        for (var attempt = 0; attempt < new AuthOptions().MaxFailedLogins; attempt++)
        {
            (await stranger.PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "Fel-losenord-99" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
    }

    private static HttpRequestMessage Change(HttpMethod method, TestUser user, string? ifMatch, params (Role Role, Guid? LibraryId)[] roles)
    {
        var body = method == HttpMethod.Put
            ? new { email = user.Email, displayName = "Anna Ek", roles = roles.Select(r => new { role = r.Role.ToString(), libraryId = r.LibraryId }).ToArray() }
            : null;
        var request = new HttpRequestMessage(method, $"{Url}/{user.Id}") { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        }

        return request;
    }
}
