using EnSakITaget.Domain.Messaging;
using EnSakITaget.Infrastructure.Identity;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace EnSakITaget.Infrastructure.Messaging;

/// <summary>
/// Sends what the outbox holds, in batches, as the system. On PostgreSQL each batch is claimed with
/// <c>FOR UPDATE SKIP LOCKED</c> and kept locked until its outcome is written, so several instances
/// on one database each send a message once; SQLite runs one instance, which claims plainly. A
/// message that cannot go yet waits twice as long each time, and fails after <c>Email:MaxAttempts</c>.
/// </summary>
internal sealed partial class OutboxSender(
    IServiceScopeFactory scopes, IOptions<EmailOptions> options, TimeProvider time, ILogger<OutboxSender> logger)
    : BackgroundService
{
    private readonly Queue<DateTimeOffset> sentInLastMinute = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await SendDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(exception);
            }

            if (sent == 0)
            {
                await Task.Delay(idle, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <returns>How many messages were tried.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var allowance = Math.Min(settings.BatchSize, Allowance(settings.MaxPerMinute));
        if (allowance == 0)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var transport = scope.ServiceProvider.GetRequiredService<IMailTransport>();
        var now = time.GetUtcNow();

        await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var batch = await ClaimAsync(db, now, allowance, cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        var outcomes = await transport.SendAsync([.. batch.Select(ToMime)], cancellationToken);
        var after = time.GetUtcNow();
        for (var i = 0; i < batch.Count; i++)
        {
            var (message, outcome) = (batch[i], outcomes[i]);
            switch (outcome.Result)
            {
                case DeliveryResult.Sent:
                    message.MarkSent(after);
                    sentInLastMinute.Enqueue(after);
                    break;
                case DeliveryResult.TryLater:
                    message.RecordTemporaryFailure(outcome.Error ?? "Try later.", after, settings.MaxAttempts,
                        TimeSpan.FromSeconds(settings.FirstRetrySeconds), TimeSpan.FromSeconds(settings.LongestRetrySeconds));
                    break;
                default:
                    message.RecordPermanentFailure(outcome.Error ?? "Refused.");
                    break;
            }

            if (message.State == OutboxState.Failed)
            {
                LogGaveUp(message.Id, message.Attempts, message.LastError);
            }

            await WriteOutcomeAsync(db, message, CancellationToken.None);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(CancellationToken.None);
        }

        return batch.Count;
    }

    private static async Task<List<OutboxMessage>> ClaimAsync(AppDbContext db, DateTimeOffset now, int count, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            var entity = db.Model.FindEntityType(typeof(OutboxMessage))!;
            var table = $"\"{entity.GetSchema()}\".\"{entity.GetTableName()}\"";
            var pending = nameof(OutboxState.Pending);
            // Only the model's own identifiers are put into the text; every value is a parameter.
#pragma warning disable EF1002
            return await db.OutboxMessages
                .FromSqlRaw(
                    $"SELECT * FROM {table} WHERE state = {{0}} AND next_attempt_at <= {{1}} ORDER BY next_attempt_at LIMIT {{2}} FOR UPDATE SKIP LOCKED",
                    pending, now, count)
                .AsNoTracking()
                .ToListAsync(cancellationToken);
#pragma warning restore EF1002
        }

        // SQLite compares no DateTimeOffset in SQL; its outbox is one instance's, and small.
        var due = new List<OutboxMessage>();
        await foreach (var message in db.OutboxMessages.AsNoTracking().Where(m => m.State == OutboxState.Pending).OrderBy(m => m.Id)
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (message.IsDue(now))
            {
                due.Add(message);
                if (due.Count == count)
                {
                    break;
                }
            }
        }

        return due;
    }

    /// <summary>Written straight, not through SaveChanges: a message sent changes no data anyone reads, so no kept answer need be dropped.</summary>
    private static Task WriteOutcomeAsync(AppDbContext db, OutboxMessage message, CancellationToken cancellationToken) =>
        db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.State, message.State)
                .SetProperty(m => m.Attempts, message.Attempts)
                .SetProperty(m => m.NextAttemptAt, message.NextAttemptAt)
                .SetProperty(m => m.LastError, message.LastError)
                .SetProperty(m => m.SentAt, message.SentAt),
            cancellationToken);

    private MimeMessage ToMime(OutboxMessage message)
    {
        var from = MailboxAddress.Parse(options.Value.From);
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = time.GetUtcNow(),
            MessageId = $"{message.Id:N}@{from.Domain}",
            Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody(),
        };
        mime.From.Add(from);
        mime.To.Add(new MailboxAddress(message.RecipientName, message.RecipientEmail));
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Headers.Add("X-En-Sak-I-Taget-Kind", message.Kind);
        return mime;
    }

    /// <summary>How many more may go this minute.</summary>
    private int Allowance(int maxPerMinute)
    {
        var minuteAgo = time.GetUtcNow() - TimeSpan.FromMinutes(1);
        while (sentInLastMinute.TryPeek(out var at) && (at <= minuteAgo || at > time.GetUtcNow()))
        {
            sentInLastMinute.Dequeue();
        }

        return Math.Max(0, maxPerMinute - sentInLastMinute.Count);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the outbox failed; trying again shortly")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up on message {MessageId} after {Attempts} tries: {Error}")]
    private partial void LogGaveUp(Guid messageId, int attempts, string? error);
}
