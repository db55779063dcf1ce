using EnSakITaget.Application.Privacy.ApplyRetention;
using EnSakITaget.Infrastructure.Identity;
using EnSakITaget.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EnSakITaget.Infrastructure.Privacy;

/// <summary>
/// Erases, once an hour and as the system, what each county's retention no longer lets it keep
/// (see docs/privacy.md). It ticks on the injected clock, so tests move time instead of waiting.
/// </summary>
internal sealed partial class RetentionService(IServiceScopeFactory scopes, TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await ApplyRetentionAsync(stoppingToken);
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

    public async Task<ApplyRetentionResult> ApplyRetentionAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ApplyRetentionCommand(), cancellationToken);
        if (result.Erased.Values.Any(count => count > 0))
        {
            LogErased(result.Rounds, string.Join(", ", result.Erased.Select(e => $"{e.Key} {e.Value}")));
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention ran out for {RoundCount} closed rounds; erased {Erased}")]
    private partial void LogErased(int roundCount, string erased);

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying the retention failed; trying again at the next tick")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying the retention waits for the database ({Reason}); trying again at the next tick: {Error}")]
    private partial void LogDatabaseUnavailable(string reason, string error);
}
