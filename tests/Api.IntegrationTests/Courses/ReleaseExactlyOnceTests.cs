using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Application.Audit.ListAuditEntries;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Courses;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Infrastructure.Courses;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EnSakITaget.Api.IntegrationTests.Courses;

/// <summary>Two API instances on one PostgreSQL, both running the scheduler: a due thing is released once.</summary>
public sealed class ReleaseExactlyOnceTests : IAsyncLifetime
{
    // The schedulers' own timers are slowed down so that the test decides when they run.
    private static readonly Dictionary<string, string> ManualTicks = new() { ["Courses:ReleaseCheckSeconds"] = "3600" };

    private readonly InstanceOne first = new();
    private ApiFactory second = null!;

    public async Task InitializeAsync()
    {
        await first.InitializeAsync();
        second = ApiFactory.OnTheSameDatabaseAs(first, ManualTicks);
        await second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await second.DisposeAsync();
        await first.DisposeAsync();
    }

    [Fact]
    public async Task Two_instances_racing_to_release_the_due_things_release_each_exactly_once()
    {
        await first.ResetDataAsync();
        first.Clock.SetLocal(new DateOnly(2010, 2, 1));
        second.Clock.SetLocal(new DateOnly(2010, 2, 1));
        var admin = await first.ClientAsAsync("admin@test.local", (Role.Administrator, null));
        var (round, _) = await ReportRound.CreateAsync(admin);
        await (await admin.PostAsync($"/api/v1/rounds/{round.Id}/open", null)).ShouldBeAsync<RoundDto>(HttpStatusCode.OK);

        // The 17th of March: the platform and blogs are due.
        first.Clock.SetLocal(new DateOnly(2010, 3, 17));
        second.Clock.SetLocal(new DateOnly(2010, 3, 17));
        var schedulers = new[] { SchedulerOf(first), SchedulerOf(second) };
        var results = await Task.WhenAll(Enumerable.Range(0, 12)
            .Select(i => Task.Run(() => schedulers[i % 2].ReleaseDueThingsAsync(CancellationToken.None))));

        results.Sum(r => r.ThingsReleased).ShouldBe(2);
        var schedule = await admin.ScheduleAsync(round.Id);
        schedule.ReleasedCount.ShouldBe(2);
        var releases = await (await admin.GetAsync($"/api/v1/audit?entityType=Round&entityId={round.Id}&pageSize=200"))
            .ShouldBeAsync<PagedList<AuditEntryDto>>(HttpStatusCode.OK);
        releases.Items.Count(e => e.ActorName == "system").ShouldBe(1);
    }

    private static RoundReleaseService SchedulerOf(ApiFactory instance) =>
        instance.Services.GetServices<IHostedService>().OfType<RoundReleaseService>().Single();

    private sealed class InstanceOne() : ApiFactory(ManualTicks);
}
