using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Identity;
using EnSakITaget.Domain.Identity;

namespace EnSakITaget.Api.IntegrationTests.Identity;

public sealed class UsersTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Url = "/api/v1/users";
    private const string NewPassword = "Nytt-losenord-2011";

    [Fact]
    public async Task An_administrator_creates_a_county_admin()
    {
        var world = await BuildAsync();

        var response = await Client.PostJsonAsync(Url, NewUser("lena@test.local", ("CountyAdmin", world.Jonkoping)));

        var created = await response.ShouldBeAsync<UserDto>(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"{Url}/{created.Id}");
        created.Email.ShouldBe("lena@test.local");
        created.LockedOutUntil.ShouldBeNull();
        var role = created.Roles.ShouldHaveSingleItem();
        role.Role.ShouldBe(Role.CountyAdmin);
        role.LibraryId.ShouldBe(world.Jonkoping);
        role.LibraryName.ShouldBe("Jönköpings län");
        (await Client.GetAsync($"{Url}/{created.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_county_admin_creates_a_coordinator_in_its_county()
    {
        var world = await BuildAsync();
        var countyAdmin = await Factory.ClientAsAsync("lena@test.local", (Role.CountyAdmin, world.Jonkoping));

        var created = await (await countyAdmin.PostJsonAsync(Url, NewUser("anna@test.local", ("Coordinator", world.Varnamo))))
            .ShouldBeAsync<UserDto>(HttpStatusCode.Created);

        created.Roles.ShouldHaveSingleItem().LibraryName.ShouldBe("Värnamo kommuns bibliotek");
    }

    [Fact]
    public async Task A_county_admin_cannot_create_a_coordinator_for_a_municipality_of_another_county()
    {
        var world = await BuildAsync();
        var countyAdmin = await Factory.ClientAsAsync("lena@test.local", (Role.CountyAdmin, world.Jonkoping));
        var before = await SnapshotDataAsync();

        var response = await countyAdmin.PostJsonAsync(Url, NewUser("anna@test.local", ("Coordinator", world.Vaxjo)));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "roles[0].libraryId");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_coordinator_creates_a_participant_at_its_own_unit()
    {
        var world = await BuildAsync();
        var coordinator = await Factory.ClientAsAsync("anna@test.local", (Role.Coordinator, world.Varnamo));

        var created = await (await coordinator.PostJsonAsync(Url, NewUser("bo@test.local", ("Participant", world.Bor))))
            .ShouldBeAsync<UserDto>(HttpStatusCode.Created);

        created.Roles.ShouldHaveSingleItem().Role.ShouldBe(Role.Participant);
    }

    [Fact]
    public async Task A_coordinator_cannot_grant_the_coordinator_role()
    {
        var world = await BuildAsync();
        var coordinator = await Factory.ClientAsAsync("anna@test.local", (Role.Coordinator, world.Varnamo));
        var before = await SnapshotDataAsync();

        var response = await coordinator.PostJsonAsync(Url, NewUser("bo@test.local", ("Coordinator", world.Varnamo)));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_coordinator_cannot_create_a_participant_at_a_unit_of_another_municipality()
    {
        var world = await BuildAsync();
        var coordinator = await Factory.ClientAsAsync("anna@test.local", (Role.Coordinator, world.Varnamo));
        var before = await SnapshotDataAsync();

        var response = await coordinator.PostJsonAsync(Url, NewUser("bo@test.local", ("Participant", world.Anderstorp)));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "roles[0].libraryId");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("Coordinator", "county")]
    [InlineData("Coordinator", "unit")]
    [InlineData("CountyAdmin", "municipality")]
    [InlineData("Participant", "county")]
    public async Task A_role_bound_to_a_library_of_the_wrong_level_answers_409(string role, string level)
    {
        var world = await BuildAsync();
        var library = level switch { "county" => world.Jonkoping, "municipality" => world.Varnamo, _ => world.Bor };
        var before = await SnapshotDataAsync();

        var response = await Client.PostJsonAsync(Url, NewUser("anna@test.local", (role, library)));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain(role);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_county_admin_lists_only_the_users_of_its_county()
    {
        var world = await BuildAsync();
        var countyAdmin = await Factory.CreateUserAsync("lena@test.local", (Role.CountyAdmin, world.Jonkoping));
        await Factory.CreateUserAsync("anna@test.local", (Role.Coordinator, world.Varnamo));
        await Factory.CreateUserAsync("bo@test.local", (Role.Participant, world.Bor));
        await Factory.CreateUserAsync("karin@test.local", (Role.CountyAdmin, world.Kronoberg));
        await Factory.CreateUserAsync("vide@test.local", (Role.Participant, world.Vaxjo));

        var page = await (await (await Factory.ClientForAsync(countyAdmin)).GetAsync(Url))
            .ShouldBeAsync<PagedList<UserDto>>(HttpStatusCode.OK);

        page.Items.Select(u => u.Email).ShouldBe(["anna@test.local", "bo@test.local", "lena@test.local"]);
        page.TotalCount.ShouldBe(3);
    }

    [Fact]
    public async Task An_administrator_lists_every_user()
    {
        var world = await BuildAsync();
        await Factory.CreateUserAsync("lena@test.local", (Role.CountyAdmin, world.Jonkoping));
        await Factory.CreateUserAsync("karin@test.local", (Role.CountyAdmin, world.Kronoberg));

        var page = await (await Client.GetAsync(Url)).ShouldBeAsync<PagedList<UserDto>>(HttpStatusCode.OK);

        page.Items.Select(u => u.Email).ShouldBe(["admin@test.local", "karin@test.local", "lena@test.local"]);
    }

    [Fact]
    public async Task A_county_admin_cannot_read_change_or_delete_a_user_of_another_county()
    {
        var world = await BuildAsync();
        var countyAdmin = await Factory.ClientAsAsync("lena@test.local", (Role.CountyAdmin, world.Jonkoping));
        var outsider = await Factory.CreateUserAsync("vide@test.local", (Role.Participant, world.Vaxjo));
        var before = await SnapshotDataAsync();

        await (await countyAdmin.GetAsync($"{Url}/{outsider.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await countyAdmin.PutJsonAsync($"{Url}/{outsider.Id}", UserBody("vide@test.local", NewPassword, ("Participant", world.Bor))))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await countyAdmin.DeleteAsync($"{Url}/{outsider.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_county_admin_changes_the_roles_and_password_of_a_user_in_its_county()
    {
        var world = await BuildAsync();
        var countyAdmin = await Factory.ClientAsAsync("lena@test.local", (Role.CountyAdmin, world.Jonkoping));
        var user = await Factory.CreateUserAsync("bo@test.local", (Role.Participant, world.Bor));

        var updated = await (await countyAdmin.PutJsonAsync($"{Url}/{user.Id}",
                UserBody("bo.berg@test.local", NewPassword, ("Coordinator", world.Varnamo))))
            .ShouldBeAsync<UserDto>(HttpStatusCode.OK);

        updated.Email.ShouldBe("bo.berg@test.local");
        updated.Roles.ShouldHaveSingleItem().Role.ShouldBe(Role.Coordinator);
        var read = await (await countyAdmin.GetAsync($"{Url}/{user.Id}")).ShouldBeAsync<UserDto>(HttpStatusCode.OK);
        read.Roles.ShouldHaveSingleItem().LibraryId.ShouldBe(world.Varnamo);
    }

    [Fact]
    public async Task A_coordinator_may_not_change_a_county_admin_of_its_own_county()
    {
        var world = await BuildAsync();
        var coordinator = await Factory.ClientAsAsync("anna@test.local", (Role.Coordinator, world.Varnamo));
        // Also a participant at Bor, so the coordinator sees the account but holds no right over its county role.
        var countyAdmin = await Factory.CreateUserAsync("lena@test.local", (Role.CountyAdmin, world.Jonkoping), (Role.Participant, world.Bor));
        var before = await SnapshotDataAsync();

        await (await coordinator.PutJsonAsync($"{Url}/{countyAdmin.Id}", UserBody("lena@test.local", NewPassword, ("Participant", world.Bor))))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await coordinator.DeleteAsync($"{Url}/{countyAdmin.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_coordinator_does_not_see_a_county_admin_without_a_role_in_its_municipality()
    {
        var world = await BuildAsync();
        var coordinator = await Factory.ClientAsAsync("anna@test.local", (Role.Coordinator, world.Varnamo));
        var countyAdmin = await Factory.CreateUserAsync("lena@test.local", (Role.CountyAdmin, world.Jonkoping));
        var before = await SnapshotDataAsync();

        await (await coordinator.GetAsync($"{Url}/{countyAdmin.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await coordinator.PutJsonAsync($"{Url}/{countyAdmin.Id}", UserBody("lena@test.local", NewPassword, ("Participant", world.Bor))))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_second_account_with_the_same_email_answers_409()
    {
        var world = await BuildAsync();
        await Factory.CreateUserAsync("anna@test.local", (Role.Coordinator, world.Varnamo));
        var before = await SnapshotDataAsync();

        var response = await Client.PostJsonAsync(Url, NewUser("Anna@Test.Local", ("Participant", world.Bor)));

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("kort-1A")]
    [InlineData("utansiffrorX")]
    [InlineData("alla-sma-bokstaver-1")]
    public async Task A_weak_password_answers_400_naming_password(string password)
    {
        var world = await BuildAsync();
        var before = await SnapshotDataAsync();

        var response = await Client.PostJsonAsync(Url, UserBody("anna@test.local", password, ("Coordinator", world.Varnamo)));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "password");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Replacing_a_users_roles_with_none_answers_400_naming_roles_and_changes_nothing()
    {
        var world = await BuildAsync();
        var countyAdmin = await Factory.ClientAsAsync("lena@test.local", (Role.CountyAdmin, world.Jonkoping));
        var user = await Factory.CreateUserAsync("bo@test.local", (Role.Participant, world.Bor));
        var before = await SnapshotDataAsync();

        var response = await countyAdmin.PutJsonAsync($"{Url}/{user.Id}", UserBody(user.Email, NewPassword));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "roles")).GetRawText().ShouldContain("at least one role");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Taking_away_all_your_own_roles_answers_400_naming_roles()
    {
        var response = await Client.PutJsonAsync($"{Url}/{Administrator.Id}", UserBody(Administrator.Email, NewPassword));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "roles");
    }

    [Fact]
    public async Task Deleting_yourself_answers_409()
    {
        var before = await SnapshotDataAsync();

        var response = await Client.DeleteAsync($"{Url}/{Administrator.Id}");

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_deleted_user_is_gone_and_cannot_sign_in()
    {
        var world = await BuildAsync();
        var user = await Factory.CreateUserAsync("bo@test.local", (Role.Participant, world.Bor));

        (await Client.DeleteAsync($"{Url}/{user.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await Client.GetAsync($"{Url}/{user.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Factory.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("""{"email":"inte-en-adress","displayName":"Anna","password":"Provlosen-2010","roles":[{"role":"Coordinator","libraryId":"{municipality}"}]}""", "email")]
    [InlineData("""{"email":"anna@test.local","displayName":"Anna","password":"Provlosen-2010"}""", "roles")]
    [InlineData("""{"email":"anna@test.local","displayName":"Anna","password":"Provlosen-2010","roles":[]}""", "roles")]
    [InlineData("""{"email":"anna@test.local","password":"Provlosen-2010","roles":[{"role":"Coordinator","libraryId":"{municipality}"}]}""", "displayName")]
    [InlineData("""{"email":"anna@test.local","displayName":"Anna","password":"Provlosen-2010","roles":[{"role":"Coordinator"}]}""", "roles[0].libraryId")]
    [InlineData("""{"email":"anna@test.local","displayName":"Anna","password":"Provlosen-2010","roles":[{"role":"Administrator","libraryId":"{municipality}"}]}""", "roles[0].libraryId")]
    [InlineData("""{"email":"anna@test.local","displayName":"Anna","password":"Provlosen-2010","roles":[{"role":"Boss","libraryId":"{municipality}"}]}""", "roles[0].role")]
    [InlineData("""{"email":"anna@test.local","displayName":"Anna","password":"Provlosen-2010","roles":[{"role":"Coordinator","libraryId":"{municipality}"},{"role":"Coordinator","libraryId":"{municipality}"}]}""", "roles")]
    public async Task A_create_with_a_bad_field_answers_400_naming_the_field_and_saves_nothing(string body, string field)
    {
        var world = await BuildAsync();
        var before = await SnapshotDataAsync();

        var response = await Client.SendRawJsonAsync(HttpMethod.Post, Url, body.Replace("{municipality}", world.Varnamo.ToString()));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    private static object NewUser(string email, params (string Role, Guid LibraryId)[] roles) => UserBody(email, TestUsers.Password, roles);

    private static object UserBody(string email, string password, params (string Role, Guid LibraryId)[] roles) => new
    {
        email,
        displayName = email.Split('@')[0],
        password,
        roles = roles.Select(r => new { role = r.Role, libraryId = r.LibraryId }).ToArray(),
    };

    /// <summary>Jönköping's county with Värnamo (and its branch Bor) and Gislaved (and Anderstorp); Kronoberg's with Växjö.</summary>
    private async Task<World> BuildAsync()
    {
        var jonkoping = await Client.CreateCountyAsync("Jönköpings län", "06");
        var varnamo = await Client.CreateMunicipalityAsync(jonkoping.Id, "Värnamo kommuns bibliotek", "0683");
        var bor = await Client.CreateUnitAsync(varnamo.Id, "Branch", "Bors bibliotek", 2);
        var gislaved = await Client.CreateMunicipalityAsync(jonkoping.Id, "Gislaveds kommuns bibliotek", "0662");
        var anderstorp = await Client.CreateUnitAsync(gislaved.Id, "Branch", "Anderstorps bibliotek", 3);
        var kronoberg = await Client.CreateCountyAsync("Kronobergs län", "07");
        var vaxjo = await Client.CreateMunicipalityAsync(kronoberg.Id, "Växjö kommuns bibliotek", "0780");
        return new World(jonkoping.Id, varnamo.Id, bor.Id, anderstorp.Id, kronoberg.Id, vaxjo.Id);
    }

    private sealed record World(Guid Jonkoping, Guid Varnamo, Guid Bor, Guid Anderstorp, Guid Kronoberg, Guid Vaxjo);
}
