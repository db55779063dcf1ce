using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Audit.ListAuditEntries;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Identity;
using EnSakITaget.Domain.Audit;
using EnSakITaget.Domain.Identity;
using Npgsql;

namespace EnSakITaget.Api.IntegrationTests.Audit;

public sealed class AuditTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Url = "/api/v1/audit";

    [Fact]
    public async Task Creating_renaming_and_deleting_a_library_is_recorded_with_who_did_it()
    {
        var county = await Client.CreateCountyAsync("Jönköpings län", "06");
        (await Client.PutJsonAsync($"{LibraryBuilder.Url}/{county.Id}", new { type = "County", name = "Region Jönköpings län", countyCode = "06" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Client.DeleteAsync($"{LibraryBuilder.Url}/{county.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var entries = await ReadAsync(Client, $"{Url}?entityType=LibraryNode&entityId={county.Id}");

        entries.Select(e => e.Action).ShouldBe([AuditAction.Deleted, AuditAction.Updated, AuditAction.Created]);
        entries.ShouldAllBe(e => e.ActorId == Administrator.Id && e.ActorName == "admin@test.local" && e.LibraryId == county.Id);
        var (deleted, renamed, created) = (entries[0], entries[1], entries[2]);
        created.Changes.GetProperty("name").GetString().ShouldBe("Jönköpings län");
        renamed.Changes.GetProperty("name").GetProperty("from").GetString().ShouldBe("Jönköpings län");
        renamed.Changes.GetProperty("name").GetProperty("to").GetString().ShouldBe("Region Jönköpings län");
        renamed.Changes.TryGetProperty("code", out _).ShouldBeFalse("an unchanged field is not recorded");
        deleted.Changes.GetProperty("name").GetString().ShouldBe("Region Jönköpings län");
    }

    [Fact]
    public async Task A_county_admin_reads_the_entries_of_its_county_but_not_of_another()
    {
        var (jonkoping, varnamo, bor) = await Client.CreateSmallTreeAsync();
        var kronoberg = await Client.CreateCountyAsync("Kronobergs län", "07");
        var vaxjo = await Client.CreateMunicipalityAsync(kronoberg.Id, "Växjö kommuns bibliotek", "0780");
        var countyAdmin = await Factory.ClientAsAsync("lena@test.local", (Role.CountyAdmin, jonkoping.Id));

        var entries = await ReadAsync(countyAdmin, $"{Url}?entityType=LibraryNode");

        entries.Select(e => e.EntityId).ShouldBe([bor.Id.ToString(), varnamo.Id.ToString(), jonkoping.Id.ToString()]);
        entries.ShouldNotContain(e => e.EntityId == kronoberg.Id.ToString() || e.EntityId == vaxjo.Id.ToString());
        (await ReadAsync(Client, $"{Url}?entityType=LibraryNode")).Count.ShouldBe(5);
    }

    [Fact]
    public async Task Creating_a_user_is_recorded_without_the_password_or_its_hash_and_stamp()
    {
        var (_, municipality, _) = await Client.CreateSmallTreeAsync();
        const string password = "Hemligt-losen-4711";

        var user = await (await Client.PostJsonAsync("/api/v1/users", new
        {
            email = "anna@test.local",
            displayName = "Anna Andersson",
            password,
            roles = new[] { new { role = "Coordinator", libraryId = municipality.Id } },
        })).ShouldBeAsync<UserDto>(HttpStatusCode.Created);

        var response = await Client.GetAsync(Url);
        var body = await response.Content.ReadAsStringAsync();
        var entries = (await response.ShouldBeAsync<PagedList<AuditEntryDto>>(HttpStatusCode.OK)).Items;
        var account = entries.Where(e => e.EntityType == "User" && e.EntityId == user.Id.ToString()).ShouldHaveSingleItem();
        account.Action.ShouldBe(AuditAction.Created);
        account.ActorId.ShouldBe(Administrator.Id);
        account.Changes.GetProperty("email").GetString().ShouldBe("anna@test.local");
        var role = entries.Where(e => e.EntityType == nameof(RoleAssignment) && e.LibraryId == municipality.Id).ShouldHaveSingleItem();
        role.Action.ShouldBe(AuditAction.Created);
        role.Changes.GetProperty("role").GetString().ShouldBe("Coordinator");

        var (passwordHash, securityStamp) = await StoredSecretsOfAsync(user.Id);
        foreach (var secret in new[] { password, passwordHash, securityStamp, "passwordHash", "securityStamp" })
        {
            body.ShouldNotContain(secret, Case.Insensitive);
        }
    }

    [Fact]
    public async Task Changing_a_password_is_recorded_without_the_password()
    {
        var (_, municipality, _) = await Client.CreateSmallTreeAsync();
        var user = await Factory.CreateUserAsync("anna@test.local", (Role.Coordinator, municipality.Id));
        const string password = "Nytt-hemligt-4712";

        (await Client.PutJsonAsync($"/api/v1/users/{user.Id}", new
        {
            email = user.Email,
            displayName = "Anna Andersson",
            password,
            roles = new[] { new { role = "Coordinator", libraryId = municipality.Id } },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await Client.GetAsync($"{Url}?entityType=User&entityId={user.Id}");
        var body = await response.Content.ReadAsStringAsync();
        var entries = (await response.ShouldBeAsync<PagedList<AuditEntryDto>>(HttpStatusCode.OK)).Items;
        var update = entries.Where(e => e.Action == AuditAction.Updated && e.Changes.TryGetProperty("displayName", out _)).ShouldHaveSingleItem();
        update.Changes.GetProperty("displayName").GetProperty("to").GetString().ShouldBe("Anna Andersson");
        var (passwordHash, securityStamp) = await StoredSecretsOfAsync(user.Id);
        foreach (var secret in new[] { password, passwordHash, securityStamp, "passwordHash", "securityStamp" })
        {
            body.ShouldNotContain(secret, Case.Insensitive);
        }
    }

    [Fact]
    public async Task A_coordinator_may_not_read_the_audit_trail()
    {
        var (_, municipality, _) = await Client.CreateSmallTreeAsync();
        var coordinator = await Factory.ClientAsAsync("anna@test.local", (Role.Coordinator, municipality.Id));

        var response = await coordinator.GetAsync(Url);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private static async Task<IReadOnlyList<AuditEntryDto>> ReadAsync(HttpClient client, string url) =>
        (await (await client.GetAsync(url)).ShouldBeAsync<PagedList<AuditEntryDto>>(HttpStatusCode.OK)).Items;

    private async Task<(string PasswordHash, string SecurityStamp)> StoredSecretsOfAsync(Guid userId)
    {
        await using var connection = await Factory.Database.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT password_hash, security_stamp FROM identity.users WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", userId);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        return (reader.GetString(0), reader.GetString(1));
    }
}
