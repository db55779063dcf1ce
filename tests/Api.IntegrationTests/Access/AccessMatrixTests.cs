using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Application.Participants.ImportStaff;
using EnSakITaget.Domain.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EnSakITaget.Api.IntegrationTests.Access;

/// <summary>Nobody reaches what is not theirs: every endpoint, every role, every kind of credential.</summary>
public sealed class AccessMatrixTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    private static readonly Role[] AllRoles = Enum.GetValues<Role>();

    public static TheoryData<string> Endpoints() => [.. AccessMatrix.Rules.Keys];

    public static TheoryData<string> GuardedEndpoints() => [.. AccessMatrix.Rules.Where(r => !r.Value.IsAnonymous).Select(r => r.Key)];

    public static TheoryData<string, Role> EndpointsWithARefusedRole()
    {
        var data = new TheoryData<string, Role>();
        foreach (var (endpoint, rule) in AccessMatrix.Rules.Where(r => !r.Value.IsAnonymous))
        {
            foreach (var role in AllRoles.Except(rule.Roles))
            {
                data.Add(endpoint, role);
            }
        }

        return data;
    }

    public static TheoryData<string> EndpointsAboutLibraryObjects() =>
        [.. AccessMatrix.Rules.Where(r => r.Value.RequestForB is not null).Select(r => r.Key)];

    /// <summary>MapStaticAssets' own catch-all, which serves the web app's files from the build until it is published.</summary>
    private const string StaticAssetsFilesBeforePublish = "{**path:file}";

    [Fact]
    public void Every_endpoint_of_the_api_is_in_the_access_matrix()
    {
        // The web app's files are anonymous by design and hold no data: WebAppHostingTests covers them.
        var endpoints = world.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<EnSakITaget.Api.Common.WebAppFile>() is null && e.RoutePattern.RawText != StaticAssetsFilesBeforePublish)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();

        endpoints.Except(AccessMatrix.Rules.Keys).ShouldBeEmpty("these endpoints have no access rule: add them to AccessMatrix");
        AccessMatrix.Rules.Keys.Except(endpoints).ShouldBeEmpty("these access rules name no endpoint");
    }

    [Fact]
    public void Every_endpoint_that_takes_an_integration_key_limits_each_key()
    {
        var keyEndpoints = world.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => (Key: $"{m} {e.RoutePattern.RawText}", Endpoint: e)))
            .Where(e => AccessMatrix.Rules.TryGetValue(e.Key, out var rule) && rule.AcceptsApiKey)
            .ToList();

        keyEndpoints.ShouldNotBeEmpty();
        keyEndpoints.Where(e => e.Endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName != "Integration")
            .Select(e => e.Key).ShouldBeEmpty("these endpoints take integration keys without the keys' rate limit");
    }

    [Theory]
    [MemberData(nameof(GuardedEndpoints))]
    public async Task An_anonymous_caller_gets_401(string endpoint)
    {
        var before = await SnapshotAsync();

        var response = await world.Anonymous.SendAsync(RequestFor(endpoint));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(EndpointsWithARefusedRole))]
    public async Task A_caller_without_an_allowed_role_gets_403_and_changes_nothing(string endpoint, Role role)
    {
        var before = await SnapshotAsync();

        var response = await world.ClientsByRole[role].SendAsync(RequestFor(endpoint));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(EndpointsAboutLibraryObjects))]
    public async Task An_outsider_to_municipality_b_does_not_see_or_change_its_objects(string endpoint)
    {
        var rule = AccessMatrix.Rules[endpoint];
        var before = await SnapshotAsync();

        var response = await rule.Outsider(world).SendAsync(rule.RequestForB!(world));

        switch (rule.OutsiderAnswer)
        {
            case OutsiderAnswer.NotFound:
                await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
                break;
            case OutsiderAnswer.InvalidReference:
                await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, rule.InvalidField!);
                break;
            case OutsiderAnswer.RejectedRow:
                var report = await response.ShouldBeAsync<StaffImportReport>(HttpStatusCode.OK);
                report.Rejected.ShouldHaveSingleItem().Line.ShouldBe(2);
                (report.Created + report.Updated).ShouldBe(0);
                break;
            default:
                var body = await response.Content.ReadAsStringAsync();
                response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
                foreach (var id in AccessMatrix.IdsOfB(world))
                {
                    body.ShouldNotContain(id.ToString(), Case.Insensitive);
                }

                break;
        }

        (await SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(EndpointsAboutLibraryObjects))]
    public async Task A_caller_with_an_allowed_role_reaches_the_objects_of_their_own_libraries(string endpoint)
    {
        var rule = AccessMatrix.Rules[endpoint];
        if (rule.RequestForB!(world).Method != HttpMethod.Get)
        {
            return; // the writes are proven by each module's own tests; here they would change the shared world
        }

        var response = await world.ClientsByRole[Role.CountyAdmin].SendAsync(rule.RequestForB(world));

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
    }

    [Theory]
    [MemberData(nameof(GuardedEndpoints))]
    public async Task An_integration_key_is_accepted_only_by_the_read_endpoints_meant_for_integrations(string endpoint)
    {
        var rule = AccessMatrix.Rules[endpoint];
        var before = await SnapshotAsync(ignoringKeyUse: true);
        using var client = world.Factory.ClientWithKey(world.KeyOfJSecret);

        var response = await client.SendAsync(RequestFor(endpoint));

        if (rule.AcceptsApiKey)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
        else
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        (await SnapshotAsync(ignoringKeyUse: true)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(GuardedEndpoints))]
    public async Task A_revoked_or_wrong_key_gets_401_everywhere(string endpoint)
    {
        var forged = $"esit.{world.KeyOfJ:N}.{new string('x', 43)}";
        foreach (var key in new[] { world.RevokedKeySecret, forged, "not-a-key" })
        {
            using var client = world.Factory.ClientWithKey(key);

            var response = await client.SendAsync(RequestFor(endpoint));

            await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task An_integration_key_reads_only_its_own_subtree()
    {
        using var client = world.Factory.ClientWithKey(world.KeyOfJSecret);

        (await client.GetAsync($"/api/v1/libraries/{world.UnitB1}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await client.GetAsync($"/api/v1/libraries/{world.CountyK}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private HttpRequestMessage RequestFor(string endpoint)
    {
        var rule = AccessMatrix.Rules[endpoint];
        if (rule.RequestForB is not null)
        {
            return rule.RequestForB(world);
        }

        var (method, route) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);

        // An endpoint about no library object may still name one of its own: any id reaches it.
        return new HttpRequestMessage(new HttpMethod(method), System.Text.RegularExpressions.Regex.Replace(route, "{[^}]+:guid}", Guid.Empty.ToString()));
    }

    private async Task<string> SnapshotAsync(bool ignoringKeyUse = false)
    {
        await using var connection = await world.Factory.Database.OpenAsync();
        var tables = new[]
        {
            "libraries.library_nodes", "identity.users", "identity.role_assignments", "identity.api_keys", "audit.audit_entries",
            "courses.courses", "courses.course_versions", "courses.rounds", "participants.staff_members", "participants.enrolments",
            "participants.thing_progress", "participants.progress_events",
            "feedback.surveys", "feedback.survey_responses", "feedback.survey_participations",
            "identity.account_tokens", "messaging.outbox_messages",
            "community.posts", "community.comments", "community.blog_duty_rotas",
        };
        var snapshot = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            var row = (ignoringKeyUse && table == "identity.api_keys") switch
            {
                true => "(t.id, t.name, t.library_id, t.revoked_at)::text",

                // The sender changes a message's state in the background: what is queued is what counts.
                _ when table == "messaging.outbox_messages" => "(t.id, t.idempotency_key)::text",
                _ => "t::text",
            };
            await using var command = new NpgsqlCommand($"SELECT coalesce(string_agg({row}, E'\\n' ORDER BY {row}), '') FROM {table} t", connection);
            snapshot.Append(table).Append('\n').Append(await command.ExecuteScalarAsync()).Append('\n');
        }

        return snapshot.ToString();
    }
}
