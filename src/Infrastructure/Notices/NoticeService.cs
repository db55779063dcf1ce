using EnSakITaget.Application.Community.QueueBlogDutyReminders;
using EnSakITaget.Application.Feedback.QueueSurveyNotices;
using EnSakITaget.Application.Participants;
using EnSakITaget.Application.Participants.QueueNotices;
using EnSakITaget.Infrastructure.Identity;
using EnSakITaget.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Infrastructure.Notices;

/// <summary>
/// Queues the letters that time brings, as the system: things released, deadlines approaching,
/// surveys open and their reminder, the coordinators' weekly digest. It ticks on the injected clock
/// (<c>Participants:NoticeCheckSeconds</c>) and looks only at what came since its last tick (a day
/// back on the first); every letter's idempotency key makes a tick that finds nothing new queue
/// nothing, on any number of instances.
/// </summary>
public sealed partial class NoticeService(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<FollowUpOptions> options, ILogger<NoticeService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.NoticeCheckSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await QueueDueNoticesAsync(stoppingToken);
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
    }

    /// <summary>When the last tick that succeeded began; the next looks back to it, less one interval for a release committed as it read.</summary>
    private DateTimeOffset? lastTick;

    /// <returns>How many letters were queued.</returns>
    public async Task<int> QueueDueNoticesAsync(CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var since = lastTick - TimeSpan.FromSeconds(options.Value.NoticeCheckSeconds);
        var queued = 0;
        foreach (var request in new IRequest<int>[] { new QueueParticipantNoticesCommand(since), new QueueSurveyNoticesCommand(), new QueueBlogDutyRemindersCommand() })
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem();
            queued += await scope.ServiceProvider.GetRequiredService<ISender>().Send(request, cancellationToken);
        }

        lastTick = started;
        if (queued > 0)
        {
            LogQueued(queued);
        }

        return queued;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} notices")]
    private partial void LogQueued(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queuing notices failed; trying again at the next tick")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queuing notices waits for the database ({Reason}); trying again at the next tick: {Error}")]
    private partial void LogDatabaseUnavailable(string reason, string error);
}
