using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Audit.ListAuditEntries;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Courses;
using EnSakITaget.Domain.Audit;

namespace EnSakITaget.Api.IntegrationTests.Audit;

public sealed class CourseAuditTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Adding_and_changing_a_courses_things_is_recorded_with_the_things_as_they_became()
    {
        var (county, _, _) = await Client.CreateSmallTreeAsync();
        var course = await (await Client.PostJsonAsync("/api/v1/courses", new { countyId = county.Id, title = "Sociala medier", language = "sv" }))
            .ShouldBeAsync<CourseDto>(HttpStatusCode.Created);
        var thing = await (await Client.PostJsonAsync($"/api/v1/courses/{course.Id}/things", new { title = "Bloggar", estimatedMinutes = 60 }))
            .ShouldBeAsync<ThingDto>(HttpStatusCode.Created);
        await (await Client.PutJsonAsync($"/api/v1/courses/{course.Id}/things/{thing.Id}", new { title = "Bloggar och RSS", estimatedMinutes = 60 }))
            .ShouldBeAsync<CourseDto>(HttpStatusCode.OK);

        var trail = await (await Client.GetAsync($"/api/v1/audit?entityType=Course&entityId={course.Id}"))
            .ShouldBeAsync<PagedList<AuditEntryDto>>(HttpStatusCode.OK);

        trail.Items.Select(e => e.Action).ShouldBe([AuditAction.Updated, AuditAction.Updated, AuditAction.Created]);
        trail.Items[0].Changes.GetProperty("things")[0].GetProperty("title").GetString().ShouldBe("Bloggar och RSS");
        trail.Items[0].ActorId.ShouldBe(Administrator.Id);
    }
}
