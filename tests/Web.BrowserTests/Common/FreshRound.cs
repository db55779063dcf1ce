using System.Text.Json;

namespace EnSakITaget.Web.BrowserTests.Common;

/// <summary>
/// A round of its own for a test that changes a round from its start (its survey, who is in it):
/// a course of two things, made by the demo's county administrator, and an open round of Värnamo that the
/// demo's coordinator runs, under a title no other test looks for. Disposing it closes the round, so the
/// demo's running round stays the only one that says "Pågår".
/// </summary>
internal sealed class FreshRound : IAsyncDisposable
{
    public const string CountyAdmin = "lansbibliotek@jonkoping.example.se";
    public const string ThingTitle = "Pröva en ljudbok";
    public const string SecondThingTitle = "Lyssna på en podd";
    public const string ThingInstructions = "# Ljudböcker\n\nLåna en ljudbok i appen och lyssna en kvart.\n\n## Tips\n\nBörja med en novell.";

    private readonly ApiCalls coordinator;

    private FreshRound(ApiCalls coordinator, Guid id, string title, Guid thingId)
    {
        (this.coordinator, Id, Title, ThingId) = (coordinator, id, title, thingId);
    }

    public Guid Id { get; }

    public string Title { get; }

    public Guid ThingId { get; }

    /// <summary>The coordinator's calls to the API, signed in.</summary>
    public ApiCalls Coordinator => coordinator;

    public static async Task<FreshRound> OpenAsync(Uri baseAddress, string password, string titlePrefix)
    {
        var title = $"{titlePrefix} {Guid.NewGuid().ToString("N")[..6]}";
        using var admin = await ApiCalls.SignedInAsync(baseAddress, CountyAdmin, password);
        var county = Items(await admin.SendAsync(HttpMethod.Get, "api/v1/libraries?type=County")).Single();
        var course = await admin.SendAsync(HttpMethod.Post, "api/v1/courses", new { countyId = IdOf(county), title, language = "sv" });
        var thing = await admin.SendAsync(HttpMethod.Post, $"api/v1/courses/{IdOf(course)}/things", new { title = ThingTitle, instructions = ThingInstructions, estimatedMinutes = 20 });
        await admin.SendAsync(HttpMethod.Post, $"api/v1/courses/{IdOf(course)}/things", new { title = SecondThingTitle, instructions = "Välj ett avsnitt om böcker.", estimatedMinutes = 30 });
        await admin.SendAsync(HttpMethod.Post, $"api/v1/courses/{IdOf(course)}/publish");

        var coordinator = await ApiCalls.SignedInAsync(baseAddress, WebAppTest.DemoCoordinator, password);
        var me = await coordinator.SendAsync(HttpMethod.Get, "api/v1/me");
        var varnamo = Items(await coordinator.SendAsync(HttpMethod.Get, "api/v1/libraries?type=Municipality"))
            .Single(l => l.GetProperty("name").GetString()!.StartsWith("Värnamo", StringComparison.Ordinal));
        var today = DateOnly.FromDateTime(DateTime.Now);
        var round = await coordinator.SendAsync(HttpMethod.Post, "api/v1/rounds", new
        {
            courseId = IdOf(course), homeLibraryId = IdOf(varnamo), title, coordinatorIds = new[] { me.GetProperty("id").GetString() },
            kickOff = today, deadline = today.AddDays(60), workAheadAllowed = false,
        });
        // Without a plan the schedule is manual: nothing comes out until the coordinator releases it.
        await coordinator.SendAsync(HttpMethod.Post, $"api/v1/rounds/{IdOf(round)}/open");
        var thingId = Guid.Parse(IdOf(thing));
        return new FreshRound(coordinator, Guid.Parse(IdOf(round)), title, thingId);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await coordinator.SendAsync(HttpMethod.Post, $"api/v1/rounds/{Id}/close");
        }
        finally
        {
            coordinator.Dispose();
        }
    }

    private static string IdOf(JsonElement element) => element.GetProperty("id").GetString()!;

    private static IEnumerable<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray();
}
