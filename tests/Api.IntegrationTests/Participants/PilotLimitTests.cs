using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Domain.Identity;

namespace EnSakITaget.Api.IntegrationTests.Participants;

/// <summary>The API with three pilot enrolments a minute from one address.</summary>
public sealed class PilotLimitFactory() : ApiFactory(new() { ["Auth:PilotEnrolmentsPerMinute"] = "3" });

/// <summary>Pilots are found by exact e-mail: a limit per client address keeps anyone from guessing addresses by the thousand.</summary>
public sealed class PilotLimitTests(PilotLimitFactory factory) : IClassFixture<PilotLimitFactory>, IAsyncLifetime
{
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        await factory.ResetDataAsync();
        admin = await factory.ClientForAsync(await factory.CreateUserAsync("admin@test.local", (Role.Administrator, null)));
    }

    public Task DisposeAsync()
    {
        admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task More_pilot_enrolments_a_minute_than_allowed_from_one_address_answer_429_with_retry_after_and_a_problem_document()
    {
        var url = $"/api/v1/rounds/{Guid.NewGuid()}/pilots";
        for (var i = 0; i < 3; i++)
        {
            (await admin.PostJsonAsync(url, new { email = $"gissning{i}@gislaved.example.se" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var refused = await admin.PostJsonAsync(url, new { email = "gissning3@gislaved.example.se" });

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await refused.Content.ReadAsStringAsync()).ShouldContain("\"status\":429");
    }
}
