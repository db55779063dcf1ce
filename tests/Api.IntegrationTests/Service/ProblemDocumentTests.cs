using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Identity;
using EnSakITaget.Application.Participants;
using EnSakITaget.Domain.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EnSakITaget.Api.IntegrationTests.Service;

/// <summary>The API as it runs on a developer's machine: the developer exception page is on.</summary>
public sealed class DevelopmentApiFactory() : ApiFactory(new()
{
    ["environment"] = Environments.Development,
    ["Auth:ApiKeyRequestsPerMinute"] = ProblemDocumentTests.KeyRequestsPerMinute,
});

/// <summary>The API as a county runs it.</summary>
public sealed class ProductionApiFactory() : ApiFactory(new()
{
    ["environment"] = Environments.Production,
    ["Auth:BootstrapAdmin:Email"] = "forsta.admin@test.local",
    ["Auth:BootstrapAdmin:Password"] = "Forsta-admin-2026!",
    ["Auth:ApiKeyRequestsPerMinute"] = ProblemDocumentTests.KeyRequestsPerMinute,
});

/// <summary>
/// Every error is an RFC 9457 problem document in JSON, whatever the client said it accepts: a
/// spreadsheet tool asking for CSV, or a browser asking for HTML, learns why it gets neither.
/// </summary>
public abstract class ProblemDocumentTests(ApiFactory factory, string environment) : ApiTest(factory)
{
    public const string KeyRequestsPerMinute = "2";

    public static TheoryData<string, HttpStatusCode> ErrorsAndAccepts()
    {
        var data = new TheoryData<string, HttpStatusCode>();
        HttpStatusCode[] errors =
        [
            HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound,
            HttpStatusCode.MethodNotAllowed, HttpStatusCode.Conflict, HttpStatusCode.UnsupportedMediaType, HttpStatusCode.TooManyRequests,
        ];
        foreach (var accept in new[] { "text/csv", "text/html", "application/xml", "image/png" })
        {
            foreach (var error in errors)
            {
                data.Add(accept, error);
            }
        }

        return data;
    }

    [Fact]
    public void The_api_runs_in_the_environment_the_test_names() =>
        Factory.Services.GetRequiredService<IHostEnvironment>().EnvironmentName.ShouldBe(environment);

    [Theory]
    [MemberData(nameof(ErrorsAndAccepts))]
    public async Task An_error_answers_a_json_problem_document_whatever_the_accept_header_and_changes_nothing(string accept, HttpStatusCode error)
    {
        var (client, request) = await RequestThatFailsWithAsync(error);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        var before = await SnapshotDataAsync();

        await (await client.SendAsync(request)).ShouldBeProblemAsync(error);

        (await SnapshotDataAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_status_without_a_body_of_its_own_gets_the_standard_title_and_type()
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/participants");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var problem = await (await Client.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed);

        problem.GetProperty("title").GetString().ShouldBe("Method Not Allowed");
        problem.GetProperty("type").GetString().ShouldStartWith("https://tools.ietf.org/html/rfc9110");
        problem.GetProperty("instance").GetString().ShouldBe("/api/v1/participants");
        problem.TryGetProperty("traceId", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_field_error_names_the_field_whatever_the_accept_header()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/participants?page=0");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        await (await Client.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "page");
    }

    [Fact]
    public async Task An_empty_body_answers_400_saying_the_body_is_required()
    {
        var before = await SnapshotDataAsync();

        var problem = await (await Client.PostAsync("/api/v1/participants", new StringContent(string.Empty, Encoding.UTF8, "application/json")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("title").GetString().ShouldBe("The request body is required.");
        problem.ToString().ShouldNotContain("Implicit body");
        (await SnapshotDataAsync()).ShouldBe(before);
    }

    private async Task<(HttpClient Client, HttpRequestMessage Request)> RequestThatFailsWithAsync(HttpStatusCode error)
    {
        switch (error)
        {
            case HttpStatusCode.BadRequest:
                return (Client, new HttpRequestMessage(HttpMethod.Get, "/api/v1/participants?pageSize=0"));
            case HttpStatusCode.Unauthorized:
                return (Factory.CreateClient(), new HttpRequestMessage(HttpMethod.Get, "/api/v1/participants"));
            case HttpStatusCode.Forbidden:
                var branch = (await Client.CreateSmallTreeAsync()).Branch;
                return (await Factory.ClientAsAsync("deltagare@test.local", (Role.Participant, branch.Id)), new HttpRequestMessage(HttpMethod.Get, "/api/v1/participants"));
            case HttpStatusCode.NotFound:
                return (Client, new HttpRequestMessage(HttpMethod.Get, $"/api/v1/participants/{Guid.NewGuid()}"));
            case HttpStatusCode.MethodNotAllowed:
                return (Client, new HttpRequestMessage(HttpMethod.Patch, "/api/v1/participants"));
            case HttpStatusCode.Conflict:
                var unit = (await Client.CreateSmallTreeAsync()).Branch;
                var member = new { name = "Anna Ek", email = "anna.ek@varnamo.example.se", unitId = unit.Id };
                await (await Client.PostJsonAsync("/api/v1/participants", member)).ShouldBeAsync<StaffMemberDto>(HttpStatusCode.Created);
                return (Client, new HttpRequestMessage(HttpMethod.Post, "/api/v1/participants") { Content = JsonContent.Create(member) });
            case HttpStatusCode.UnsupportedMediaType:
                return (Client, new HttpRequestMessage(HttpMethod.Post, "/api/v1/participants") { Content = new StringContent("Anna Ek", Encoding.UTF8, "text/plain") });
            case HttpStatusCode.TooManyRequests:
                var county = await Client.CreateCountyAsync();
                var key = await (await Client.PostJsonAsync("/api/v1/api-keys", new { name = "Regional statistik", libraryId = county.Id }))
                    .ShouldBeAsync<CreatedApiKeyDto>(HttpStatusCode.Created);
                var integration = Factory.ClientWithKey(key.Key);
                for (var allowed = 0; allowed < int.Parse(KeyRequestsPerMinute, System.Globalization.CultureInfo.InvariantCulture); allowed++)
                {
                    (await integration.GetAsync(LibraryBuilder.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
                }

                return (integration, new HttpRequestMessage(HttpMethod.Get, LibraryBuilder.Url));
            default:
                throw new ArgumentOutOfRangeException(nameof(error), error, "no request fails with it");
        }
    }
}

public sealed class ProblemDocumentsInDevelopmentTests(DevelopmentApiFactory factory)
    : ProblemDocumentTests(factory, Environments.Development), IClassFixture<DevelopmentApiFactory>;

public sealed class ProblemDocumentsInProductionTests(ProductionApiFactory factory)
    : ProblemDocumentTests(factory, Environments.Production), IClassFixture<ProductionApiFactory>;
