using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Courses;

namespace EnSakITaget.Api.IntegrationTests.Courses;

/// <summary>Builds courses and rounds through the API.</summary>
public static class CourseBuilder
{
    public const string CoursesUrl = "/api/v1/courses";
    public const string RoundsUrl = "/api/v1/rounds";

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>
    /// The libraries' date on the API's clock. The test clock stands still unless a test moves it, and a client's
    /// token lives on that clock: plan dates from this day rather than moving the clock.
    /// </summary>
    public static DateOnly Today(this TestClock clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Stockholm).DateTime);

    /// <summary>Jönköping's county with the municipalities Värnamo (and its branch Bor) and Gislaved; Kronoberg's with Växjö.</summary>
    public static async Task<CourseWorld> CreateTwoCountiesAsync(this HttpClient client)
    {
        var jonkoping = await client.CreateCountyAsync("Jönköpings län", "06");
        var varnamo = await client.CreateMunicipalityAsync(jonkoping.Id, "Värnamo kommuns bibliotek", "0683");
        var bor = await client.CreateUnitAsync(varnamo.Id, "Branch", "Bors bibliotek", 2);
        var gislaved = await client.CreateMunicipalityAsync(jonkoping.Id, "Gislaveds kommuns bibliotek", "0662");
        var kronoberg = await client.CreateCountyAsync("Kronobergs län", "07");
        var vaxjo = await client.CreateMunicipalityAsync(kronoberg.Id, "Växjö kommuns bibliotek", "0780");
        return new CourseWorld(jonkoping.Id, varnamo.Id, bor.Id, gislaved.Id, kronoberg.Id, vaxjo.Id);
    }

    public static async Task<CourseDto> CreateCourseAsync(this HttpClient client, Guid countyId, string title = "23 saker", string language = "sv") =>
        await (await client.PostJsonAsync(CoursesUrl, new { countyId, title, description = "Lär dig nya verktyg, en sak i taget.", language }))
            .ShouldBeAsync<CourseDto>(HttpStatusCode.Created);

    /// <param name="position">1-based; null puts the thing last.</param>
    /// <returns>The course with the thing added.</returns>
    public static async Task<CourseDto> AddThingAsync(this HttpClient client, Guid courseId, string title, int? position = null)
    {
        await (await client.PostJsonAsync($"{CoursesUrl}/{courseId}/things", Thing(title, position))).ShouldBeAsync<ThingDto>(HttpStatusCode.Created);
        return await (await client.GetAsync($"{CoursesUrl}/{courseId}")).ShouldBeAsync<CourseDto>(HttpStatusCode.OK);
    }

    public static async Task<CourseDto> PublishAsync(this HttpClient client, Guid courseId) =>
        await (await client.PostAsync($"{CoursesUrl}/{courseId}/publish", null)).ShouldBeAsync<CourseDto>(HttpStatusCode.OK);

    /// <summary>A course of the county with the things in order, published as version 1.</summary>
    public static async Task<CourseDto> CreatePublishedCourseAsync(this HttpClient client, Guid countyId, params string[] thingTitles)
    {
        var course = await client.CreateCourseAsync(countyId);
        foreach (var title in thingTitles.Length > 0 ? thingTitles : ["Bloggar", "RSS", "Flickr"])
        {
            await client.AddThingAsync(course.Id, title);
        }

        return await client.PublishAsync(course.Id);
    }

    /// <summary>The body of a thing, as a course editor would send it.</summary>
    public static object Thing(string title, int? position = null) => new
    {
        title,
        instructions = $"Läs om {title} och prova själv.",
        links = new[] { "https://example.org/" },
        estimatedMinutes = 45,
        reportPrompt = $"Skriv ett blogginlägg om {title}.",
        position,
    };

    public static async Task<RoundDto> CreateRoundAsync(
        this HttpClient client, Guid courseId, Guid homeLibraryId, DateOnly kickOff, DateOnly deadline, params Guid[] coordinatorIds) =>
        await (await client.PostJsonAsync(RoundsUrl, RoundBody(courseId, homeLibraryId, kickOff, deadline, coordinatorIds)))
            .ShouldBeAsync<RoundDto>(HttpStatusCode.Created);

    public static object RoundBody(Guid courseId, Guid homeLibraryId, DateOnly kickOff, DateOnly deadline, params Guid[] coordinatorIds) =>
        new { courseId, homeLibraryId, coordinatorIds, kickOff, deadline };

    public static async Task<ScheduleDto> GetScheduleAsync(this HttpClient client, Guid roundId) =>
        await (await client.GetAsync($"{RoundsUrl}/{roundId}/schedule")).ShouldBeAsync<ScheduleDto>(HttpStatusCode.OK);

    public static async Task<RoundDto> OpenRoundAsync(this HttpClient client, Guid roundId) =>
        await (await client.PostAsync($"{RoundsUrl}/{roundId}/open", null)).ShouldBeAsync<RoundDto>(HttpStatusCode.OK);

    public static async Task<RoundDto> CloseRoundAsync(this HttpClient client, Guid roundId) =>
        await (await client.PostAsync($"{RoundsUrl}/{roundId}/close", null)).ShouldBeAsync<RoundDto>(HttpStatusCode.OK);
}

public sealed record CourseWorld(Guid Jonkoping, Guid Varnamo, Guid Bor, Guid Gislaved, Guid Kronoberg, Guid Vaxjo);
