using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Api.IntegrationTests.Participants;
using EnSakITaget.Application.Libraries;
using EnSakITaget.Application.Participants;
using EnSakITaget.Domain.Participants;

namespace EnSakITaget.Api.IntegrationTests.Reliability;

/// <summary>
/// No lost updates on the county's records: a library, a member of staff and an enrolment answer
/// with their revision as a strong ETag, and a change or removal whose If-Match no longer holds
/// answers 412 and leaves the first change as it was.
/// </summary>
public sealed class LostUpdateOfRecordsTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Of_two_admins_who_rename_the_same_library_from_one_reading_the_second_is_told_412_and_the_first_name_stays()
    {
        var (county, municipality, _) = await Client.CreateSmallTreeAsync();
        var read = await Client.GetAsync($"{LibraryBuilder.Url}/{municipality.Id}");
        var tag = read.Headers.ETag.ShouldNotBeNull().Tag;
        read.Headers.ETag.IsWeak.ShouldBeFalse();

        var first = await Client.SendAsync(Change(HttpMethod.Put, $"{LibraryBuilder.Url}/{municipality.Id}",
            new { type = "Municipality", name = "Värnamo bibliotek", parentId = county.Id, municipalityCode = "0683" }, tag));
        var second = await Client.SendAsync(Change(HttpMethod.Put, $"{LibraryBuilder.Url}/{municipality.Id}",
            new { type = "Municipality", name = "Värnamo stadsbibliotek", parentId = county.Id, municipalityCode = "0683" }, tag));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.ETag.ShouldNotBeNull().Tag.ShouldNotBe(tag);
        var problem = await second.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        problem.GetProperty("currentETag").GetString().ShouldBe(first.Headers.ETag.Tag);
        var now = await Client.GetAsync($"{LibraryBuilder.Url}/{municipality.Id}");
        (await now.ShouldBeAsync<LibraryDto>(HttpStatusCode.OK)).Name.ShouldBe("Värnamo bibliotek");
        now.Headers.ETag!.Tag.ShouldBe(first.Headers.ETag.Tag);
    }

    [Fact]
    public async Task A_library_removed_with_a_tag_from_before_a_change_is_refused_412_and_stays()
    {
        var (_, municipality, branch) = await Client.CreateSmallTreeAsync();
        var stale = (await Client.GetAsync($"{LibraryBuilder.Url}/{branch.Id}")).Headers.ETag.ShouldNotBeNull().Tag;
        (await Client.PutJsonAsync($"{LibraryBuilder.Url}/{branch.Id}", new { type = "Branch", name = "Bors filial", parentId = municipality.Id, staffCount = 3 }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await Client.SendAsync(Change(HttpMethod.Delete, $"{LibraryBuilder.Url}/{branch.Id}", null, stale)))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        (await Client.GetAsync($"{LibraryBuilder.Url}/{branch.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Of_two_coordinators_who_change_the_same_member_of_staff_from_one_reading_the_second_is_told_412_and_the_first_change_stays()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek", enrol: false);
        var url = $"/api/v1/participants/{anna.Id}";
        var tag = (await Client.GetAsync(url)).Headers.ETag.ShouldNotBeNull().Tag;

        var first = await Client.SendAsync(Change(HttpMethod.Put, url, new { name = "Anna Ek", email = anna.Staff.Email, unitId = round.Bor, title = "Bibliotekschef", isManager = true }, tag));
        var second = await Client.SendAsync(Change(HttpMethod.Put, url, new { name = "Anna Ekström", email = anna.Staff.Email, unitId = round.Bor, title = "Bibliotekarie" }, tag));
        var removal = await Client.SendAsync(Change(HttpMethod.Delete, url, null, tag));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.ETag.ShouldNotBeNull().Tag.ShouldNotBe(tag);
        await second.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await removal.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var now = await (await Client.GetAsync(url)).ShouldBeAsync<StaffMemberDto>(HttpStatusCode.OK);
        (now.Name, now.Title, now.IsManager).ShouldBe(("Anna Ek", "Bibliotekschef", true));
    }

    [Fact]
    public async Task An_enrolment_changed_with_the_tag_of_its_last_change_is_saved_and_withdrawn_with_an_older_one_is_told_412()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");
        var url = $"{round.Url}/enrolments/{anna.Id}";
        var absent = await Client.PutJsonAsync(url, new { attendedKickOff = false });
        var tag = absent.Headers.ETag.ShouldNotBeNull().Tag;

        var attended = await Client.SendAsync(Change(HttpMethod.Put, url, new { attendedKickOff = true }, tag));
        var withdrawal = await Client.SendAsync(Change(HttpMethod.Delete, url, null, tag));

        attended.StatusCode.ShouldBe(HttpStatusCode.OK);
        await withdrawal.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var enrolments = await (await Client.GetAsync($"{round.Url}/enrolments"))
            .ShouldBeAsync<EnSakITaget.Application.Common.Paging.PagedList<EnrolmentDto>>(HttpStatusCode.OK);
        enrolments.Items.ShouldHaveSingleItem().Status.ShouldBe(EnrolmentStatus.Active);
    }

    private static HttpRequestMessage Change(HttpMethod method, string url, object? body, string ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        return request;
    }
}
