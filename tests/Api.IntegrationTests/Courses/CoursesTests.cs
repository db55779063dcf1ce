using System.Net;
using System.Net.Http.Json;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Courses;
using EnSakITaget.Domain.Courses;
using EnSakITaget.Domain.Identity;
using static EnSakITaget.Api.IntegrationTests.Courses.CourseBuilder;

namespace EnSakITaget.Api.IntegrationTests.Courses;

public sealed class CoursesTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Creating_a_course_answers_201_with_a_draft_of_version_1_owned_by_the_county()
    {
        var world = await Client.CreateTwoCountiesAsync();

        var response = await Client.PostJsonAsync(CoursesUrl, new { countyId = world.Jonkoping, title = "  23 saker  ", description = "Web 2.0 för bibliotekarier", language = "sv" });

        var course = await response.ShouldBeAsync<CourseDto>(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"{CoursesUrl}/{course.Id}");
        course.CountyId.ShouldBe(world.Jonkoping);
        course.Title.ShouldBe("23 saker");
        course.Description.ShouldBe("Web 2.0 för bibliotekarier");
        course.Language.ShouldBe("sv");
        course.Status.ShouldBe(CourseStatus.Draft);
        course.Version.ShouldBe(1);
        course.PublishedVersion.ShouldBeNull();
        course.Things.ShouldBeEmpty();
        (await (await Client.GetAsync($"{CoursesUrl}/{course.Id}")).ShouldBeAsync<CourseDto>(HttpStatusCode.OK)).ShouldBeEquivalentTo(course);
    }

    [Fact]
    public async Task Courses_are_listed_by_county_and_by_status()
    {
        var world = await Client.CreateTwoCountiesAsync();
        var published = await Client.CreatePublishedCourseAsync(world.Jonkoping);
        var draft = await Client.CreateCourseAsync(world.Jonkoping, "Appar");
        var elsewhere = await Client.CreateCourseAsync(world.Kronoberg, "Kronobergs kurs");

        var ofJonkoping = await ListAsync(Client, $"?countyId={world.Jonkoping}");
        var drafts = await ListAsync(Client, "?status=Draft");
        var publishedOfJonkoping = await ListAsync(Client, $"?countyId={world.Jonkoping}&status=Published");

        ofJonkoping.Items.Select(c => c.Id).ShouldBe([published.Id, draft.Id]); // by title: "23 saker", "Appar"
        drafts.Items.Select(c => c.Id).ShouldBe([draft.Id, elsewhere.Id], ignoreOrder: true);
        publishedOfJonkoping.Items.ShouldHaveSingleItem().Id.ShouldBe(published.Id);
        publishedOfJonkoping.TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task Things_added_without_a_position_go_last_numbered_from_1()
    {
        var course = await Client.CreateCourseAsync((await Client.CreateTwoCountiesAsync()).Jonkoping);
        await Client.AddThingAsync(course.Id, "Lärplattformen");
        await Client.AddThingAsync(course.Id, "Bloggar");

        var changed = await Client.AddThingAsync(course.Id, "RSS");

        changed.Things.Select(t => t.Title).ShouldBe(["Lärplattformen", "Bloggar", "RSS"]);
        changed.Things.Select(t => t.Position).ShouldBe([1, 2, 3]);
        var thing = changed.Things[0];
        thing.Instructions.ShouldBe("Läs om Lärplattformen och prova själv.");
        thing.Links.ShouldBe(["https://example.org/"]);
        thing.EstimatedMinutes.ShouldBe(45);
        thing.ReportPrompt.ShouldBe("Skriv ett blogginlägg om Lärplattformen.");
        (await GetAsync(course.Id)).Things.Select(t => (t.Id, t.Position)).ShouldBe(changed.Things.Select(t => (t.Id, t.Position)));
    }

    [Fact]
    public async Task A_thing_added_at_a_position_is_put_there_and_those_after_it_move_down()
    {
        var course = await CourseWithThingsAsync("Bloggar", "RSS");

        var changed = await Client.AddThingAsync(course.Id, "Lärplattformen", position: 1);

        changed.Things.Select(t => t.Title).ShouldBe(["Lärplattformen", "Bloggar", "RSS"]);
        changed.Things.Select(t => t.Position).ShouldBe([1, 2, 3]);
        (await GetAsync(course.Id)).Things.Select(t => t.Title).ShouldBe(["Lärplattformen", "Bloggar", "RSS"]);
    }

    [Fact]
    public async Task A_thing_added_at_the_position_after_the_last_goes_last()
    {
        var course = await CourseWithThingsAsync("Bloggar", "RSS");

        var changed = await Client.AddThingAsync(course.Id, "Flickr", position: 3);

        (await GetAsync(changed.Id)).Things.Select(t => t.Title).ShouldBe(["Bloggar", "RSS", "Flickr"]);
    }

    [Fact]
    public async Task Putting_a_thing_with_a_position_moves_it_and_renumbers_the_others()
    {
        var course = await CourseWithThingsAsync("Bloggar", "RSS", "Flickr");

        var moved = await (await Client.PutJsonAsync($"{CoursesUrl}/{course.Id}/things/{course.Things[2].Id}", Thing("Flickr", position: 1)))
            .ShouldBeAsync<CourseDto>(HttpStatusCode.OK);

        moved.Things.Select(t => t.Title).ShouldBe(["Flickr", "Bloggar", "RSS"]);
        moved.Things.Select(t => t.Position).ShouldBe([1, 2, 3]);
        (await GetAsync(course.Id)).Things.Select(t => t.Id).ShouldBe([course.Things[2].Id, course.Things[0].Id, course.Things[1].Id]);
    }

    [Fact]
    public async Task Moving_a_thing_while_changing_it_keeps_every_other_thing_as_it_was()
    {
        var course = await CourseWithThingsAsync("Bloggar", "RSS", "Flickr");

        await (await Client.PutJsonAsync($"{CoursesUrl}/{course.Id}/things/{course.Things[2].Id}", Thing("Flickr och bilder", position: 1)))
            .ShouldBeAsync<CourseDto>(HttpStatusCode.OK);

        (await GetAsync(course.Id)).Things.Select(t => (t.Id, t.Title)).ShouldBe(
            [(course.Things[2].Id, "Flickr och bilder"), (course.Things[0].Id, "Bloggar"), (course.Things[1].Id, "RSS")]);
    }

    [Fact]
    public async Task Putting_a_thing_without_a_position_changes_its_content_and_keeps_its_place()
    {
        var course = await CourseWithThingsAsync("Bloggar", "RSS", "Flickr");

        await (await Client.PutJsonAsync($"{CoursesUrl}/{course.Id}/things/{course.Things[1].Id}", new
            {
                title = "RSS-läsare",
                instructions = "Prenumerera på tre bloggar.",
                links = new[] { "https://www.feedly.com/", "http://example.org/rss" },
                estimatedMinutes = 90,
                reportPrompt = "Vilka flöden valde du?",
            }))
            .ShouldBeAsync<CourseDto>(HttpStatusCode.OK);

        var thing = (await GetAsync(course.Id)).Things[1];
        thing.Id.ShouldBe(course.Things[1].Id);
        thing.Position.ShouldBe(2);
        thing.Title.ShouldBe("RSS-läsare");
        thing.Instructions.ShouldBe("Prenumerera på tre bloggar.");
        thing.Links.ShouldBe(["https://www.feedly.com/", "http://example.org/rss"]);
        thing.EstimatedMinutes.ShouldBe(90);
        thing.ReportPrompt.ShouldBe("Vilka flöden valde du?");
    }

    [Fact]
    public async Task Removing_a_thing_answers_204_and_closes_the_gap()
    {
        var course = await CourseWithThingsAsync("Bloggar", "RSS", "Flickr");

        var response = await Client.DeleteAsync($"{CoursesUrl}/{course.Id}/things/{course.Things[0].Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var after = await GetAsync(course.Id);
        after.Things.Select(t => t.Title).ShouldBe(["RSS", "Flickr"]);
        after.Things.Select(t => t.Position).ShouldBe([1, 2]);
    }

    [Fact]
    public async Task Publishing_makes_the_draft_version_1_the_published_version()
    {
        var course = await CourseWithThingsAsync("Bloggar");

        var published = await (await Client.PostAsync($"{CoursesUrl}/{course.Id}/publish", null)).ShouldBeAsync<CourseDto>(HttpStatusCode.OK);

        published.Status.ShouldBe(CourseStatus.Published);
        published.Version.ShouldBe(1);
        published.PublishedVersion.ShouldBe(1);
        (await GetAsync(course.Id)).Status.ShouldBe(CourseStatus.Published);
    }

    [Fact]
    public async Task Publishing_a_published_version_again_answers_409_and_changes_nothing()
    {
        var course = await Client.CreatePublishedCourseAsync((await Client.CreateTwoCountiesAsync()).Jonkoping);
        var before = await SnapshotDataAsync();

        var response = await Client.PostAsync($"{CoursesUrl}/{course.Id}/publish", null);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("already published");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Publishing_a_course_without_things_answers_409_and_changes_nothing()
    {
        var course = await Client.CreateCourseAsync((await Client.CreateTwoCountiesAsync()).Jonkoping);
        var before = await SnapshotDataAsync();

        var response = await Client.PostAsync($"{CoursesUrl}/{course.Id}/publish", null);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("without things");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Adding_a_thing_answers_with_the_new_thing_and_where_it_lives()
    {
        var course = await Client.CreatePublishedCourseAsync((await Client.CreateTwoCountiesAsync()).Jonkoping, "Bloggar", "RSS");

        var response = await Client.PostJsonAsync($"{CoursesUrl}/{course.Id}/things", Thing("Wikipedia", 2));
        var thing = await response.ShouldBeAsync<ThingDto>(HttpStatusCode.Created);

        thing.Id.ShouldNotBe(course.Id);
        (thing.Title, thing.Position).ShouldBe(("Wikipedia", 2));
        response.Headers.Location!.ToString().ShouldBe($"{CoursesUrl}/{course.Id}/things/{thing.Id}");
        var found = await (await Client.GetAsync(response.Headers.Location)).ShouldBeAsync<ThingDto>(HttpStatusCode.OK);
        (found.Id, found.Title, found.Position).ShouldBe((thing.Id, "Wikipedia", 2));
        (await GetAsync(course.Id)).Things.Single(t => t.Id == thing.Id).Position.ShouldBe(2);
        await (await Client.GetAsync($"{CoursesUrl}/{course.Id}/things/{course.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("describe the course")]
    [InlineData("add a thing")]
    [InlineData("change a thing")]
    [InlineData("remove a thing")]
    public async Task Editing_a_published_course_starts_version_2_as_a_draft_while_version_1_stays_published(string edit)
    {
        var course = await Client.CreatePublishedCourseAsync((await Client.CreateTwoCountiesAsync()).Jonkoping, "Bloggar", "RSS");
        var thing = course.Things[0].Id;

        var response = edit switch
        {
            "describe the course" => await Client.PutJsonAsync($"{CoursesUrl}/{course.Id}", new { title = "23 saker, andra upplagan", language = "sv" }),
            "add a thing" => await Client.PostJsonAsync($"{CoursesUrl}/{course.Id}/things", Thing("Wikipedia")),
            "change a thing" => await Client.PutJsonAsync($"{CoursesUrl}/{course.Id}/things/{thing}", Thing("Bloggar och poddar")),
            _ => await Client.DeleteAsync($"{CoursesUrl}/{course.Id}/things/{thing}"),
        };

        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        var edited = await GetAsync(course.Id);
        edited.Version.ShouldBe(2);
        edited.Status.ShouldBe(CourseStatus.Draft);
        edited.PublishedVersion.ShouldBe(1);
    }

    [Fact]
    public async Task Further_edits_of_the_draft_stay_in_version_2_until_it_is_published()
    {
        var course = await Client.CreatePublishedCourseAsync((await Client.CreateTwoCountiesAsync()).Jonkoping, "Bloggar", "RSS");
        await Client.AddThingAsync(course.Id, "Wikipedia");
        var again = await Client.AddThingAsync(course.Id, "Google");

        again.Version.ShouldBe(2);

        var published = await Client.PublishAsync(course.Id);
        published.Version.ShouldBe(2);
        published.PublishedVersion.ShouldBe(2);
        published.Status.ShouldBe(CourseStatus.Published);
    }

    [Fact]
    public async Task A_round_planned_while_version_2_is_a_draft_runs_the_things_of_version_1()
    {
        var world = await Client.CreateTwoCountiesAsync();
        var course = await Client.CreatePublishedCourseAsync(world.Jonkoping, "Bloggar", "RSS");
        await Client.PutJsonAsync($"{CoursesUrl}/{course.Id}/things/{course.Things[0].Id}", Thing("Bloggar och poddar"));
        await Client.AddThingAsync(course.Id, "Wikipedia");

        var round = await Client.CreateRoundAsync(course.Id, world.Varnamo, Factory.Clock.Today().AddDays(7), Factory.Clock.Today().AddDays(100));

        round.CourseVersion.ShouldBe(1);
        round.ThingCount.ShouldBe(2);
        (await Client.GetScheduleAsync(round.Id)).Things.Select(t => t.Title).ShouldBe(["Bloggar", "RSS"]);
    }

    [Fact]
    public async Task A_round_of_version_1_keeps_its_things_when_version_2_is_published_and_a_new_round_runs_version_2()
    {
        var world = await Client.CreateTwoCountiesAsync();
        var (kickOff, deadline) = (Factory.Clock.Today().AddDays(7), Factory.Clock.Today().AddDays(100));
        var course = await Client.CreatePublishedCourseAsync(world.Jonkoping, "Bloggar", "RSS");
        var first = await Client.CreateRoundAsync(course.Id, world.Varnamo, kickOff, deadline);

        await Client.DeleteAsync($"{CoursesUrl}/{course.Id}/things/{course.Things[1].Id}");
        await Client.AddThingAsync(course.Id, "Wikipedia");
        await Client.PublishAsync(course.Id);
        var second = await Client.CreateRoundAsync(course.Id, world.Gislaved, kickOff, deadline);

        (await Client.GetScheduleAsync(first.Id)).Things.Select(t => t.Title).ShouldBe(["Bloggar", "RSS"]);
        second.CourseVersion.ShouldBe(2);
        (await Client.GetScheduleAsync(second.Id)).Things.Select(t => t.Title).ShouldBe(["Bloggar", "Wikipedia"]);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task An_unknown_thing_answers_404_and_changes_nothing(string method)
    {
        var course = await Client.CreatePublishedCourseAsync((await Client.CreateTwoCountiesAsync()).Jonkoping);
        var before = await SnapshotDataAsync();
        var url = $"{CoursesUrl}/{course.Id}/things/{Guid.NewGuid()}";

        var response = method == "PUT" ? await Client.PutJsonAsync(url, Thing("Okänd")) : await Client.DeleteAsync(url);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_unknown_course_answers_404()
    {
        var unknown = $"{CoursesUrl}/{Guid.NewGuid()}";

        await (await Client.GetAsync(unknown)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Client.PostJsonAsync($"{unknown}/things", Thing("Sak"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("add", 4)]
    [InlineData("add", 40)]
    [InlineData("move", 3)]
    public async Task A_position_outside_the_course_answers_409_and_changes_nothing(string edit, int position)
    {
        var course = await Client.CreatePublishedCourseAsync((await Client.CreateTwoCountiesAsync()).Jonkoping, "Bloggar", "RSS");
        var before = await SnapshotDataAsync();

        var response = edit == "add"
            ? await Client.PostJsonAsync($"{CoursesUrl}/{course.Id}/things", Thing("Wikipedia", position))
            : await Client.PutJsonAsync($"{CoursesUrl}/{course.Id}/things/{course.Things[0].Id}", Thing("Bloggar", position));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("outside the course");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("""{"countyId":"{county}","title":"","language":"sv"}""", "title")]
    [InlineData("""{"countyId":"{county}","title":"{long}","language":"sv"}""", "title")]
    [InlineData("""{"countyId":"{county}","title":"23 saker","language":"svenska"}""", "language")]
    [InlineData("""{"title":"23 saker","language":"sv"}""", "countyId")]
    [InlineData("""{"countyId":"{municipality}","title":"23 saker","language":"sv"}""", "countyId")]
    [InlineData("""{"countyId":"{county}","title":"23 saker","language":"sv","colour":"blå"}""", "colour")]
    public async Task A_course_with_a_bad_field_answers_400_naming_the_field_and_saves_nothing(string body, string field)
    {
        var world = await Client.CreateTwoCountiesAsync();
        var before = await SnapshotDataAsync();

        var response = await Client.SendRawJsonAsync(HttpMethod.Post, CoursesUrl, body
            .Replace("{county}", world.Jonkoping.ToString())
            .Replace("{municipality}", world.Varnamo.ToString())
            .Replace("{long}", new string('x', 201)));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("""{"title":"","estimatedMinutes":30}""", "title")]
    [InlineData("""{"title":"{long}","estimatedMinutes":30}""", "title")]
    [InlineData("""{"title":"Bloggar","estimatedMinutes":0}""", "estimatedMinutes")]
    [InlineData("""{"title":"Bloggar","estimatedMinutes":30,"links":["ftp://x"]}""", "links[0]")]
    [InlineData("""{"title":"Bloggar","estimatedMinutes":30,"links":["not a url"]}""", "links[0]")]
    [InlineData("""{"title":"Bloggar","estimatedMinutes":30,"position":0}""", "position")]
    [InlineData("""{"title":"Bloggar","estimatedMinutes":30,"deadline":"2027-01-01"}""", "deadline")]
    public async Task A_thing_with_a_bad_field_answers_400_naming_the_field_and_saves_nothing(string body, string field)
    {
        var course = await Client.CreatePublishedCourseAsync((await Client.CreateTwoCountiesAsync()).Jonkoping);
        var before = await SnapshotDataAsync();
        body = body.Replace("{long}", new string('x', 201));

        var added = await Client.SendRawJsonAsync(HttpMethod.Post, $"{CoursesUrl}/{course.Id}/things", body);
        var changed = await Client.SendRawJsonAsync(HttpMethod.Put, $"{CoursesUrl}/{course.Id}/things/{course.Things[0].Id}", body);

        await added.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        await changed.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_coordinator_reads_the_courses_of_its_county_but_not_those_of_another()
    {
        var world = await Client.CreateTwoCountiesAsync();
        var ours = await Client.CreatePublishedCourseAsync(world.Jonkoping);
        var theirs = await Client.CreatePublishedCourseAsync(world.Kronoberg);
        var coordinator = await Factory.ClientAsAsync("anna@test.local", (Role.Coordinator, world.Varnamo));

        var list = await ListAsync(coordinator, string.Empty);
        var read = await (await coordinator.GetAsync($"{CoursesUrl}/{ours.Id}")).ShouldBeAsync<CourseDto>(HttpStatusCode.OK);

        list.Items.ShouldHaveSingleItem().Id.ShouldBe(ours.Id);
        read.Things.Count.ShouldBe(3);
        await (await coordinator.GetAsync($"{CoursesUrl}/{theirs.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("POST", "")]
    [InlineData("PUT", "/{course}")]
    [InlineData("POST", "/{course}/things")]
    [InlineData("PUT", "/{course}/things/{thing}")]
    [InlineData("DELETE", "/{course}/things/{thing}")]
    [InlineData("POST", "/{course}/publish")]
    public async Task A_coordinator_may_not_change_courses_and_gets_403(string method, string path)
    {
        var world = await Client.CreateTwoCountiesAsync();
        var course = await Client.CreateCourseAsync(world.Jonkoping);
        course = await Client.AddThingAsync(course.Id, "Bloggar");
        var coordinator = await Factory.ClientAsAsync("anna@test.local", (Role.Coordinator, world.Varnamo));
        var before = await SnapshotDataAsync();

        var response = await coordinator.SendAsync(new HttpRequestMessage(new HttpMethod(method),
            CoursesUrl + path.Replace("{course}", course.Id.ToString()).Replace("{thing}", course.Things[0].Id.ToString()))
        {
            Content = JsonContent.Create(
                path.Contains("things", StringComparison.Ordinal) ? Thing("Sak") : new { countyId = world.Jonkoping, title = "Kurs", language = "sv" },
                options: HttpAssertions.Json),
        });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_participant_may_not_even_read_courses()
    {
        var world = await Client.CreateTwoCountiesAsync();
        var course = await Client.CreatePublishedCourseAsync(world.Jonkoping);
        var participant = await Factory.ClientAsAsync("bo@test.local", (Role.Participant, world.Bor));

        await (await participant.GetAsync(CoursesUrl)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await participant.GetAsync($"{CoursesUrl}/{course.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_county_admin_builds_and_publishes_a_course_of_its_county()
    {
        var world = await Client.CreateTwoCountiesAsync();
        var countyAdmin = await Factory.ClientAsAsync("lena@test.local", (Role.CountyAdmin, world.Jonkoping));

        var course = await countyAdmin.CreatePublishedCourseAsync(world.Jonkoping, "Bloggar");

        course.Status.ShouldBe(CourseStatus.Published);
        course.CountyId.ShouldBe(world.Jonkoping);
    }

    [Fact]
    public async Task A_county_admin_of_another_county_gets_404_for_the_course_and_does_not_see_it_listed()
    {
        var world = await Client.CreateTwoCountiesAsync();
        var course = await Client.CreatePublishedCourseAsync(world.Jonkoping);
        var outsider = await Factory.ClientAsAsync("karin@test.local", (Role.CountyAdmin, world.Kronoberg));
        var before = await SnapshotDataAsync();

        await (await outsider.GetAsync($"{CoursesUrl}/{course.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.PutJsonAsync($"{CoursesUrl}/{course.Id}", new { title = "Kapad", language = "sv" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.PostJsonAsync($"{CoursesUrl}/{course.Id}/things", Thing("Kapad"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.DeleteAsync($"{CoursesUrl}/{course.Id}/things/{course.Things[0].Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.PostAsync($"{CoursesUrl}/{course.Id}/publish", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await ListAsync(outsider, $"?countyId={world.Jonkoping}")).Items.ShouldBeEmpty();
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_county_admin_cannot_create_a_course_for_another_county()
    {
        var world = await Client.CreateTwoCountiesAsync();
        var outsider = await Factory.ClientAsAsync("karin@test.local", (Role.CountyAdmin, world.Kronoberg));
        var before = await SnapshotDataAsync();

        var response = await outsider.PostJsonAsync(CoursesUrl, new { countyId = world.Jonkoping, title = "23 saker", language = "sv" });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "countyId");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    private async Task<CourseDto> CourseWithThingsAsync(params string[] titles)
    {
        var course = await Client.CreateCourseAsync((await Client.CreateTwoCountiesAsync()).Jonkoping);
        foreach (var title in titles)
        {
            course = await Client.AddThingAsync(course.Id, title);
        }

        return course;
    }

    private async Task<CourseDto> GetAsync(Guid id) =>
        await (await Client.GetAsync($"{CoursesUrl}/{id}")).ShouldBeAsync<CourseDto>(HttpStatusCode.OK);

    private static async Task<PagedList<CourseDto>> ListAsync(HttpClient client, string query) =>
        await (await client.GetAsync(CoursesUrl + query)).ShouldBeAsync<PagedList<CourseDto>>(HttpStatusCode.OK);
}
