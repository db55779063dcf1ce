using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Participants;

namespace EnSakITaget.Api.IntegrationTests.Participants;

public sealed class StaffTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Url = "/api/v1/participants";

    [Fact]
    public async Task A_member_of_staff_is_registered_read_changed_and_removed()
    {
        var (_, varnamo, bor) = await Client.CreateSmallTreeAsync();
        var main = await Client.CreateUnitAsync(varnamo.Id, "MainLibrary", "Värnamo stadsbibliotek", 11);

        var created = await (await Client.PostJsonAsync(Url, new { name = "Anna Ek", email = " Anna.Ek@Varnamo.example.se ", unitId = bor.Id, title = "Bibliotekarie" }))
            .ShouldBeAsync<StaffMemberDto>(HttpStatusCode.Created);
        created.Email.ShouldBe("anna.ek@varnamo.example.se");
        created.IsManager.ShouldBeFalse();

        var moved = await (await Client.PutJsonAsync($"{Url}/{created.Id}", new { name = "Anna Ek", email = created.Email, unitId = main.Id, isManager = true }))
            .ShouldBeAsync<StaffMemberDto>(HttpStatusCode.OK);
        (moved.UnitId, moved.IsManager, moved.Title).ShouldBe((main.Id, true, null));
        (await (await Client.GetAsync($"{Url}/{created.Id}")).ShouldBeAsync<StaffMemberDto>(HttpStatusCode.OK)).ShouldBe(moved);

        (await Client.DeleteAsync($"{Url}/{created.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await Client.GetAsync($"{Url}/{created.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Staff_are_listed_by_name_and_filtered_by_unit_or_a_search()
    {
        var (_, varnamo, bor) = await Client.CreateSmallTreeAsync();
        var main = await Client.CreateUnitAsync(varnamo.Id, "MainLibrary", "Värnamo stadsbibliotek", 11);
        foreach (var (name, unit) in new[] { ("Cecilia Ås", bor.Id), ("Anna Ek", main.Id), ("Bo Ström", bor.Id) })
        {
            await (await Client.PostJsonAsync(Url, new { name, email = $"{name.Split(' ')[0].ToLowerInvariant()}@varnamo.example.se", unitId = unit }))
                .ShouldBeAsync<StaffMemberDto>(HttpStatusCode.Created);
        }

        var atBor = await (await Client.GetAsync($"{Url}?unitId={bor.Id}")).ShouldBeAsync<PagedList<StaffMemberDto>>(HttpStatusCode.OK);
        var search = await (await Client.GetAsync($"{Url}?search=anna")).ShouldBeAsync<PagedList<StaffMemberDto>>(HttpStatusCode.OK);

        atBor.Items.Select(s => s.Name).ShouldBe(["Bo Ström", "Cecilia Ås"]);
        search.Items.ShouldHaveSingleItem().Name.ShouldBe("Anna Ek");
    }

    [Theory]
    [InlineData("""{"name":"","email":"a@varnamo.example.se","unitId":"{unit}"}""", "name")]
    [InlineData("""{"name":"Anna","email":"inte en adress","unitId":"{unit}"}""", "email")]
    [InlineData("""{"name":"Anna","email":"a@varnamo.example.se"}""", "unitId")]
    [InlineData("""{"name":"Anna","email":"a@varnamo.example.se","unitId":"{municipality}"}""", "unitId")]
    [InlineData("""{"name":"Anna","email":"a@varnamo.example.se","unitId":"{unit}","isManager":"kanske"}""", "isManager")]
    [InlineData("""{"name":"Anna","email":"a@varnamo.example.se","unitId":"{unit}","shoeSize":38}""", "shoeSize")]
    public async Task A_bad_field_answers_400_naming_it_and_saves_nothing(string body, string field)
    {
        var (_, varnamo, bor) = await Client.CreateSmallTreeAsync();
        var before = await SnapshotDataAsync();

        var response = await Client.SendRawJsonAsync(HttpMethod.Post, Url,
            body.Replace("{unit}", bor.Id.ToString()).Replace("{municipality}", varnamo.Id.ToString()));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_email_is_registered_once_whatever_its_case()
    {
        var (_, _, bor) = await Client.CreateSmallTreeAsync();
        await (await Client.PostJsonAsync(Url, new { name = "Anna Ek", email = "anna@varnamo.example.se", unitId = bor.Id }))
            .ShouldBeAsync<StaffMemberDto>(HttpStatusCode.Created);

        await (await Client.PostJsonAsync(Url, new { name = "Anna Eklund", email = "ANNA@varnamo.example.se", unitId = bor.Id }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_unit_with_staff_cannot_be_deleted()
    {
        var (_, _, bor) = await Client.CreateSmallTreeAsync();
        await (await Client.PostJsonAsync(Url, new { name = "Anna Ek", email = "anna@varnamo.example.se", unitId = bor.Id }))
            .ShouldBeAsync<StaffMemberDto>(HttpStatusCode.Created);

        var problem = await (await Client.DeleteAsync($"{LibraryBuilder.Url}/{bor.Id}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem.GetProperty("detail").GetString()!.ShouldContain("1 member of staff");
    }
}
