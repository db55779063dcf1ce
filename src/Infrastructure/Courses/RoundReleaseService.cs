using EnSakITaget.Application.Common;
using EnSakITaget.Application.Courses.ReleaseDueThings;
using EnSakITaget.Infrastructure.Identity;
using EnSakITaget.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Infrastructure.Courses;

/// <summary>
/// Releases things on their day and closes rounds after their deadline, without anyone calling the
/// API. It ticks on the injected clock, so tests move time instead of waiting. Several instances may
/// run it against one database: each round's revision lets only one of them save a release.
/// </summary>
internal sealed partial class RoundReleaseService(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<CoursesOptions> options, ILogger<RoundReleaseService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ReleaseCheckSeconds), time);
        do
        {
            try
            {
                await ReleaseDueThingsAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A database that is down or restarting is expected now and then, and the next tick tries again.
                if (DatabaseFailures.Classify(exception) is { } unavailable)
                {
                    LogDatabaseUnavailable(unavailable.Title, exception.Message);
                }
                else
                {
                    LogFailed(exception);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<ReleaseDueThingsResult> ReleaseDueThingsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ReleaseDueThingsCommand(), cancellationToken);
        if (result.ThingsReleased > 0 || result.RoundsClosed > 0)
        {
            LogReleased(result.ThingsReleased, result.RoundsClosed);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Released {ThingCount} things and closed {RoundCount} rounds on schedule")]
    private partial void LogReleased(int thingCount, int roundCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Releasing due things failed; trying again at the next tick")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing due things waits for the database ({Reason}); trying again at the next tick: {Error}")]
    private partial void LogDatabaseUnavailable(string reason, string error);
}
