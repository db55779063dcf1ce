using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Application.Statistics.GetLibraryStatistics;
using EnSakITaget.Domain.Identity;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EnSakITaget.Api.IntegrationTests.Reliability;

/// <summary>
/// The API sheds load instead of queueing forever: beyond the bound of expensive answers computed
/// at once, a new one answers 503 with Retry-After, while a kept answer and /health/live still answer.
/// </summary>
public sealed class OverloadTests(BusyStatisticsFactory factory) : IClassFixture<BusyStatisticsFactory>, IAsyncLifetime
{
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        factory.Gate.Open();
        await factory.ResetDataAsync();
        admin = await factory.ClientForAsync(await factory.CreateUserAsync("admin@test.local", (Role.Administrator, null)));
    }

    public Task DisposeAsync()
    {
        factory.Gate.Open();
        admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Beyond_the_bound_a_new_statistics_answer_is_503_with_retry_after_and_a_problem_document_and_health_stays_live()
    {
        factory.Gate.Close();
        var first = admin.GetAsync("/api/v1/statistics/libraries?pageSize=10");
        await factory.Gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));

        var second = await admin.GetAsync("/api/v1/statistics/libraries?pageSize=11");
        var live = await admin.GetAsync("/health/live");

        var problem = await second.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        problem.GetProperty("title").GetString().ShouldBe("The server is busy.");
        second.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldBe(TimeSpan.FromSeconds(3));
        live.StatusCode.ShouldBe(HttpStatusCode.OK);

        factory.Gate.Open();
        (await first).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync("/api/v1/statistics/libraries?pageSize=11")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_kept_answer_is_given_without_a_turn_while_the_bound_is_taken()
    {
        (await admin.GetAsync("/api/v1/statistics/libraries?pageSize=12")).StatusCode.ShouldBe(HttpStatusCode.OK);
        factory.Gate.Close();
        var busy = admin.GetAsync("/api/v1/statistics/libraries?pageSize=13");
        await factory.Gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));

        var kept = await admin.GetAsync("/api/v1/statistics/libraries?pageSize=12");

        kept.StatusCode.ShouldBe(HttpStatusCode.OK);
        factory.Gate.Open();
        (await busy).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

/// <summary>One statistics answer computed at a time, none queued, and a gate that holds a computation in the handler.</summary>
public sealed class BusyStatisticsFactory : ApiFactory
{
    public StatisticsGate Gate { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ExpensiveAnswers:AtOnce", "1");
        builder.UseSetting("ExpensiveAnswers:Queued", "0");
        builder.UseSetting("ExpensiveAnswers:PerCallerAtOnce", "1");
        builder.UseSetting("ExpensiveAnswers:PerCallerQueued", "0");
        builder.UseSetting("ExpensiveAnswers:RetryAfterSeconds", "3");
        builder.ConfigureServices(services => services.AddSingleton<IPipelineBehavior<GetLibraryStatisticsQuery, LibraryStatisticsList>>(Gate));
    }
}

/// <summary>While closed, a statistics query waits in its pipeline until the gate opens.</summary>
public sealed class StatisticsGate : IPipelineBehavior<GetLibraryStatisticsQuery, LibraryStatisticsList>
{
    private volatile TaskCompletionSource opened = Opened();

    public SemaphoreSlim Entered { get; } = new(0);

    public void Close() => opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => opened.TrySetResult();

    public async ValueTask<LibraryStatisticsList> Handle(
        GetLibraryStatisticsQuery message, MessageHandlerDelegate<GetLibraryStatisticsQuery, LibraryStatisticsList> next, CancellationToken cancellationToken)
    {
        var gate = opened.Task;
        if (!gate.IsCompleted)
        {
            Entered.Release();
            await gate;
        }

        return await next(message, cancellationToken);
    }

    private static TaskCompletionSource Opened()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult();
        return source;
    }
}
