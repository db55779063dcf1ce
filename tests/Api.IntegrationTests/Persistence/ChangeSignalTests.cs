using System.Net;
using System.Net.Http.Headers;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Identity;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Infrastructure.Persistence.Changes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EnSakITaget.Api.IntegrationTests.Persistence;

/// <summary>
/// Two API instances on one PostgreSQL, as behind a load balancer: what one keeps in memory (the
/// data's revision, accounts, the tree) goes out of date when the other saves a change, within
/// moments, and never stays trusted while the notifications are not heard.
/// </summary>
public sealed class ChangeSignalTests : IAsyncLifetime
{
    private static readonly TimeSpan Moments = TimeSpan.FromSeconds(10);
    private const string StatisticsUrl = "/api/v1/statistics/libraries";

    private readonly ApiFactory first = new();
    private ApiFactory second = null!;

    public async Task InitializeAsync()
    {
        await first.InitializeAsync();
        second = ApiFactory.OnTheSameDatabaseAs(first, []);
        await second.InitializeAsync();
        await first.ResetDataAsync();
    }

    public async Task DisposeAsync()
    {
        await second.DisposeAsync();
        await first.DisposeAsync();
    }

    [Fact]
    public async Task A_change_saved_by_the_other_instance_ends_this_one_s_304_answers_within_moments()
    {
        var (onFirst, onSecond) = await AdministratorOnBothAsync();
        await UntilAsync(() => Task.FromResult(SignalsOf(first).IsHearing));
        var etag = (await onFirst.GetAsync(StatisticsUrl)).Headers.ETag!.Tag;
        var unchanged = await IfNoneMatchAsync(onFirst, etag);

        await onSecond.CreateCountyAsync("Kronobergs län", "07");

        unchanged.ShouldBe(HttpStatusCode.NotModified);
        await UntilAsync(async () => await IfNoneMatchAsync(onFirst, etag) == HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_account_removed_on_the_other_instance_stops_working_on_this_one_within_moments()
    {
        var (onFirst, onSecond) = await AdministratorOnBothAsync();
        await UntilAsync(() => Task.FromResult(SignalsOf(first).IsHearing));
        var county = await onFirst.CreateCountyAsync();
        var countyAdmin = await first.CreateUserAsync("lena@test.local", (Role.CountyAdmin, county.Id));
        using var lena = await first.ClientForAsync(countyAdmin);
        (await lena.GetAsync($"{LibraryBuilder.Url}/{county.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await onSecond.DeleteAsync($"/api/v1/users/{countyAdmin.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await UntilAsync(async () => (await lena.GetAsync($"{LibraryBuilder.Url}/{county.Id}")).StatusCode == HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_integration_key_revoked_on_the_other_instance_stops_working_on_this_one_within_moments()
    {
        var (onFirst, onSecond) = await AdministratorOnBothAsync();
        await UntilAsync(() => Task.FromResult(SignalsOf(first).IsHearing));
        var county = await onFirst.CreateCountyAsync();
        var key = await (await onFirst.PostJsonAsync("/api/v1/api-keys", new { name = "Länets statistik", libraryId = county.Id }))
            .ShouldBeAsync<CreatedApiKeyDto>(HttpStatusCode.Created);
        using var integration = first.ClientWithKey(key.Key);
        (await integration.GetAsync(StatisticsUrl)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await integration.GetAsync(StatisticsUrl)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await onSecond.DeleteAsync($"/api/v1/api-keys/{key.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await UntilAsync(async () => (await integration.GetAsync(StatisticsUrl)).StatusCode == HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task While_the_notifications_are_not_heard_nothing_kept_is_trusted_and_they_are_heard_again()
    {
        var (onFirst, onSecond) = await AdministratorOnBothAsync();
        await UntilAsync(() => Task.FromResult(SignalsOf(first).IsHearing));
        var etag = (await onFirst.GetAsync(StatisticsUrl)).Headers.ETag!.Tag;

        await TerminateListenersAsync();
        await UntilAsync(() => Task.FromResult(!SignalsOf(first).IsHearing));
        await onSecond.CreateCountyAsync("Kronobergs län", "07");
        var afterChange = await IfNoneMatchAsync(onFirst, etag);

        afterChange.ShouldBe(HttpStatusCode.OK);
        await UntilAsync(() => Task.FromResult(SignalsOf(first).IsHearing));
    }

    private async Task<(HttpClient OnFirst, HttpClient OnSecond)> AdministratorOnBothAsync()
    {
        var administrator = await first.CreateUserAsync("admin@test.local", (Role.Administrator, null));
        return (await first.ClientForAsync(administrator), await second.ClientForAsync(administrator));
    }

    private static ChangeSignals SignalsOf(ApiFactory instance) => instance.Services.GetRequiredService<ChangeSignals>();

    private static async Task<HttpStatusCode> IfNoneMatchAsync(HttpClient client, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, StatisticsUrl);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag));
        return (await client.SendAsync(request)).StatusCode;
    }

    /// <summary>Ends the listeners' connections from the database's side, as a failover or a network fault would.</summary>
    private async Task TerminateListenersAsync()
    {
        await using var connection = await first.Database.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'ensakitaget-change-listener' AND datname = current_database()",
            connection);
        ((long)(await command.ExecuteScalarAsync())!).ShouldBeGreaterThan(0);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Moments;
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the condition did not come true within moments");
            await Task.Delay(20);
        }
    }
}
