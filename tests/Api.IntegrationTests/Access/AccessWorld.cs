using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Courses;
using EnSakITaget.Application.Identity;
using EnSakITaget.Application.Participants;
using EnSakITaget.Domain.Identity;

namespace EnSakITaget.Api.IntegrationTests.Access;

/// <summary>
/// Two municipalities of one county (A: Värnamo, B: Gnosjö) and a second county (K), with a
/// user of every role and integration keys, built once. The access matrix only sends requests
/// that must be refused or that read, so the world stays as it was built; the tests check it.
/// </summary>
public sealed class AccessWorld : IAsyncLifetime
{
    public ApiFactory Factory { get; } = new();

    public Guid CountyJ { get; private set; }
    public Guid MunicipalityA { get; private set; }
    public Guid UnitA1 { get; private set; }
    public Guid MunicipalityB { get; private set; }
    public Guid UnitB1 { get; private set; }
    public Guid CountyK { get; private set; }

    public Guid CourseOfJ { get; private set; }
    public Guid ThingOfJ { get; private set; }
    public Guid RoundOfB { get; private set; }
    public Guid StaffOfB { get; private set; }
    public Guid PostOfB { get; private set; }
    public Guid CommentOfB { get; private set; }

    public TestUser CoordinatorB { get; private set; } = null!;
    public Guid KeyOfJ { get; private set; }
    public string KeyOfJSecret { get; private set; } = string.Empty;
    public string RevokedKeySecret { get; private set; } = string.Empty;

    public Dictionary<Role, HttpClient> ClientsByRole { get; } = [];

    /// <summary>Coordinator of A: an outsider to B for the endpoints coordinators may call.</summary>
    public HttpClient CoordinatorOfA { get; private set; } = null!;

    /// <summary>County admin of K: an outsider to county J for the endpoints only administrators may call.</summary>
    public HttpClient CountyAdminOfK { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Factory.InitializeAsync();
        var admin = await Factory.ClientAsAsync("admin@test.local", (Role.Administrator, null));
        var county = await admin.CreateCountyAsync("Jönköpings län", "06");
        var a = await admin.CreateMunicipalityAsync(county.Id, "Värnamo kommuns bibliotek", "0683");
        var b = await admin.CreateMunicipalityAsync(county.Id, "Gnosjö kommuns bibliotek", "0617");
        var a1 = await admin.CreateUnitAsync(a.Id, "Branch", "Bors bibliotek", 2);
        var b1 = await admin.CreateUnitAsync(b.Id, "Branch", "Hillerstorps bibliotek", 2);
        var k = await admin.CreateCountyAsync("Kronobergs län", "07");
        (CountyJ, MunicipalityA, UnitA1, MunicipalityB, UnitB1, CountyK) = (county.Id, a.Id, a1.Id, b.Id, b1.Id, k.Id);

        CoordinatorB = await Factory.CreateUserAsync("coordinator.b@test.local", (Role.Coordinator, MunicipalityB));
        CoordinatorOfA = await Factory.ClientAsAsync("coordinator.a@test.local", (Role.Coordinator, MunicipalityA));
        CountyAdminOfK = await Factory.ClientAsAsync("countyadmin.k@test.local", (Role.CountyAdmin, CountyK));
        ClientsByRole[Role.Administrator] = admin;
        ClientsByRole[Role.CountyAdmin] = await Factory.ClientAsAsync("countyadmin.j@test.local", (Role.CountyAdmin, CountyJ));
        ClientsByRole[Role.Coordinator] = CoordinatorOfA;
        ClientsByRole[Role.Participant] = await Factory.ClientAsAsync("participant.a1@test.local", (Role.Participant, UnitA1));
        Anonymous = Factory.CreateClient();

        var key = await (await admin.PostJsonAsync("/api/v1/api-keys", new { name = "County statistics", libraryId = CountyJ }))
            .ShouldBeAsync<CreatedApiKeyDto>(HttpStatusCode.Created);
        (KeyOfJ, KeyOfJSecret) = (key.Id, key.Key);
        var revoked = await (await admin.PostJsonAsync("/api/v1/api-keys", new { name = "Old dashboard", libraryId = CountyJ }))
            .ShouldBeAsync<CreatedApiKeyDto>(HttpStatusCode.Created);
        (await admin.DeleteAsync($"/api/v1/api-keys/{revoked.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        RevokedKeySecret = revoked.Key;

        var course = await (await admin.PostJsonAsync("/api/v1/courses", new { countyId = CountyJ, title = "Sociala medier", language = "sv" }))
            .ShouldBeAsync<CourseDto>(HttpStatusCode.Created);
        var thing = await (await admin.PostJsonAsync($"/api/v1/courses/{course.Id}/things", new { title = "Bloggar", estimatedMinutes = 60 }))
            .ShouldBeAsync<ThingDto>(HttpStatusCode.Created);
        await (await admin.PostAsync($"/api/v1/courses/{course.Id}/publish", null)).ShouldBeAsync<CourseDto>(HttpStatusCode.OK);
        (CourseOfJ, ThingOfJ) = (course.Id, thing.Id);
        var round = await (await admin.PostJsonAsync("/api/v1/rounds", new
            {
                courseId = CourseOfJ, homeLibraryId = MunicipalityB, coordinatorIds = new[] { CoordinatorB.Id },
                kickOff = "2027-02-23", deadline = "2027-08-31",
            }))
            .ShouldBeAsync<RoundDto>(HttpStatusCode.Created);
        RoundOfB = round.Id;

        var staff = await (await admin.PostJsonAsync("/api/v1/participants", new
            {
                name = "Greta Gran", email = "greta@gnosjo.example.se", unitId = UnitB1, title = "Bibliotekarie", isManager = true,
            }))
            .ShouldBeAsync<StaffMemberDto>(HttpStatusCode.Created);
        StaffOfB = staff.Id;
        (await admin.PostJsonAsync($"/api/v1/rounds/{RoundOfB}/enrolments", new { participantIds = new[] { StaffOfB } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var post = await (await admin.PostJsonAsync($"/api/v1/rounds/{RoundOfB}/posts", new { title = "Välkomna", body = "Här skriver vi." }))
            .ShouldBeAsync<Application.Community.PostDto>(HttpStatusCode.Created);
        PostOfB = post.Id;
        var comment = await (await admin.PostJsonAsync($"/api/v1/rounds/{RoundOfB}/posts/{PostOfB}/comments", new { body = "Tack!" }))
            .ShouldBeAsync<Application.Community.CommentDto>(HttpStatusCode.Created);
        CommentOfB = comment.Id;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
