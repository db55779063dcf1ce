using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Audit.ListAuditEntries;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Domain.Identity;

namespace EnSakITaget.Api.IntegrationTests.Audit;

/// <summary>The audit trail filtered by who, what and when, as the county administrator's page asks for it.</summary>
public sealed class AuditFilterTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Url = "/api/v1/audit";

    [Fact]
    public async Task The_trail_is_filtered_by_a_part_of_the_actors_name_in_any_case()
    {
        var (jonkoping, varnamo, _) = await Client.CreateSmallTreeAsync();
        var lena = await Factory.ClientAsAsync("lena.lind@test.local", (Role.CountyAdmin, jonkoping.Id));
        (await lena.PutJsonAsync($"/api/v1/libraries/{varnamo.Id}", new { type = "Municipality", name = "Värnamo bibliotek", parentId = jonkoping.Id, municipalityCode = "0683" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var byLena = await ReadAsync(lena, $"{Url}?actor=LENA.LIND");

        byLena.ShouldNotBeEmpty();
        byLena.ShouldAllBe(e => e.ActorName == "lena.lind@test.local");
        byLena.ShouldContain(e => e.EntityId == varnamo.Id.ToString());
        (await ReadAsync(lena, $"{Url}?actor=admin@test")).ShouldNotContain(e => e.ActorName == "lena.lind@test.local");
        (await ReadAsync(lena, $"{Url}?actor=nobody-at-all")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_trail_is_filtered_by_the_days_from_and_to_both_included()
    {
        Factory.Clock.Set(new DateTimeOffset(2010, 2, 22, 23, 30, 0, TimeSpan.Zero));
        var county = await Client.CreateCountyAsync("Jönköpings län", "06");
        Factory.Clock.Set(new DateTimeOffset(2010, 2, 24, 8, 0, 0, TimeSpan.Zero));
        var gnosjo = await Client.CreateMunicipalityAsync(county.Id, "Gnosjö bibliotek", "0617");

        (await ReadAsync(Client, $"{Url}?entityType=LibraryNode&from=2010-02-22&to=2010-02-22")).Select(e => e.EntityId).ShouldBe([county.Id.ToString()]);
        (await ReadAsync(Client, $"{Url}?entityType=LibraryNode&from=2010-02-23")).Select(e => e.EntityId).ShouldBe([gnosjo.Id.ToString()]);
        (await ReadAsync(Client, $"{Url}?entityType=LibraryNode&to=2010-02-24")).Select(e => e.EntityId).ShouldBe([gnosjo.Id.ToString(), county.Id.ToString()]);
        (await ReadAsync(Client, $"{Url}?entityType=LibraryNode&from=2010-02-23&to=2010-02-23")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_from_day_after_the_to_day_is_refused_naming_the_field()
    {
        await (await Client.GetAsync($"{Url}?from=2010-03-01&to=2010-02-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "from");
        await (await Client.GetAsync($"{Url}?actor={new string('a', 400)}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "actor");
    }

    private static async Task<IReadOnlyList<AuditEntryDto>> ReadAsync(HttpClient client, string url) =>
        (await (await client.GetAsync(url)).ShouldBeAsync<PagedList<AuditEntryDto>>(HttpStatusCode.OK)).Items;
}
