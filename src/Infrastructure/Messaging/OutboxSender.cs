using EnSakITaget.Application.Messaging;
using EnSakITaget.Application.Messaging.Contracts;
using EnSakITaget.Domain.Messaging;
using EnSakITaget.Infrastructure.Identity;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace EnSakITaget.Infrastructure.Messaging;

/// <summary>
/// Sends what the outbox holds, in batches, as the system. On PostgreSQL each batch is claimed with
/// <c>FOR UPDATE SKIP LOCKED</c> and kept locked until its outcome is written, so several instances
/// on one database each send a message once; SQLite runs one instance, which claims plainly. A
/// message that cannot go yet waits twice as long each time, and fails after <c>Email:MaxAttempts</c>.
/// Kind to mail servers and to people: the letters waiting for one person, and those due for them
/// within <c>Email:CombineMinutes</c>, go as one e-mail (invitations and resets always alone). Every
/// letter but those carries an RFC 8058 one-click unsubscribe. On PostgreSQL <c>Email:Connections</c>
/// workers send side by side, each claiming its own batch of the recipients hashed to it and keeping
/// its mail connection open while the outbox drains; all of them together stay within <c>Email:MaxPerMinute</c>.
/// </summary>
internal sealed partial class OutboxSender(
    IServiceScopeFactory scopes, IMailTransport transport, IOptions<EmailOptions> options, IOptions<PublicAppOptions> app, TimeProvider time,
    ILogger<OutboxSender> logger)
    : BackgroundService
{
    /// <summary>When each message of the last minute went, or was let go: shared by the workers, under its own lock.</summary>
    private readonly Queue<DateTimeOffset> sentInLastMinute = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        bool claimsWithLocks;
        await using (var scope = scopes.CreateAsyncScope())
        {
            claimsWithLocks = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.IsNpgsql();
        }

        // SQLite claims without locks, so only one worker may claim there.
        var workers = claimsWithLocks ? options.Value.Connections : 1;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(i => SendUntilStoppedAsync(new Share(i, workers), stoppingToken)));
    }

    /// <summary>
    /// Which recipients a worker sends to: those whose address hashes to it. One person's letters are
    /// so always claimed by one worker, and still go as one e-mail however many workers send.
    /// </summary>
    private readonly record struct Share(int Worker, int Of)
    {
        public static readonly Share All = new(0, 1);
    }

    private async Task SendUntilStoppedAsync(Share share, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var idle = TimeSpan.FromSeconds(settings.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await SendDueAsync(share, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
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

            if (sent < settings.BatchSize)
            {
                // Drained (or held back by the minute's maximum): no session is kept open on the mail server while waiting.
                await transport.CloseIdleAsync();
            }

            if (sent == 0)
            {
                await Task.Delay(idle, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <returns>How many messages were tried.</returns>
    public Task<int> SendDueAsync(CancellationToken cancellationToken) => SendDueAsync(Share.All, cancellationToken);

    private async Task<int> SendDueAsync(Share share, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var allowance = Reserve(settings.BatchSize, settings.MaxPerMinute);
        if (allowance == 0)
        {
            return 0;
        }

        try
        {
            var tried = await SendAsync(share, allowance, cancellationToken);
            Release(allowance - tried);
            return tried;
        }
        catch
        {
            Release(allowance);
            throw;
        }
    }

    private async Task<int> SendAsync(Share share, int allowance, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow();

        await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var batch = await ClaimAsync(db, share, now, allowance, cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        batch.AddRange(await ClaimCombinableAsync(db, batch, now + TimeSpan.FromMinutes(settings.CombineMinutes), cancellationToken));
        var letters = Combine(batch);
        var recipients = await RecipientsAsync(db, batch, cancellationToken);
        var from = MailboxAddress.Parse(settings.From);
        var letterOutcomes = await transport.SendAsync(
            [.. letters.Select(l => ToMime(l, recipients.GetValueOrDefault(NotificationSettings.Normalise(l[0].RecipientEmail)), from))], cancellationToken);
        var outcomes = letters.SelectMany((letter, i) => letter.Select(message => (Message: message, Outcome: letterOutcomes[i]))).ToList();
        var after = time.GetUtcNow();
        var sent = new List<Guid>(outcomes.Count);
        foreach (var (message, outcome) in outcomes)
        {
            switch (outcome.Result)
            {
                case DeliveryResult.Sent:
                    message.MarkSent(after);
                    sent.Add(message.Id);
                    continue;
                case DeliveryResult.NotTried:
                    continue;
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

        await WriteSentAsync(db, sent, after, CancellationToken.None);
        if (transaction is not null)
        {
            await transaction.CommitAsync(CancellationToken.None);
        }

        return batch.Count;
    }

    /// <summary>The letters to the same person that may go together, each group one e-mail; invitations and resets alone.</summary>
    private static List<List<OutboxMessage>> Combine(List<OutboxMessage> batch) =>
        [.. batch.GroupBy(m => LetterKinds.Essential.Contains(m.Kind) ? $"{m.Id}" : NotificationSettings.Normalise(m.RecipientEmail))
            .Select(g => g.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToList())];

    /// <summary>What else is waiting for the people of the batch, due within the combining window: claimed too, to go with it.</summary>
    private static async Task<List<OutboxMessage>> ClaimCombinableAsync(AppDbContext db, List<OutboxMessage> batch, DateTimeOffset dueBy, CancellationToken cancellationToken)
    {
        var emails = batch.Where(m => !LetterKinds.Essential.Contains(m.Kind)).Select(m => m.RecipientEmail).Distinct().ToArray();
        if (emails.Length == 0)
        {
            return [];
        }

        var claimed = batch.Select(m => m.Id).ToArray();
        var essential = LetterKinds.Essential.ToArray();
        if (db.Database.IsNpgsql())
        {
            var entity = db.Model.FindEntityType(typeof(OutboxMessage))!;
            var table = $"\"{entity.GetSchema()}\".\"{entity.GetTableName()}\"";
            // Only the model's own identifiers are put into the text; every value is a parameter.
#pragma warning disable EF1002
            return await db.OutboxMessages
                .FromSqlRaw(
                    $"SELECT * FROM {table} WHERE state = {{0}} AND next_attempt_at <= {{1}} AND recipient_email = ANY({{2}}) AND NOT (kind = ANY({{3}})) AND NOT (id = ANY({{4}})) FOR UPDATE SKIP LOCKED",
                    nameof(OutboxState.Pending), dueBy, emails, essential, claimed)
                .AsNoTracking()
                .ToListAsync(cancellationToken);
#pragma warning restore EF1002
        }

        return [.. (await db.OutboxMessages.AsNoTracking()
                .Where(m => m.State == OutboxState.Pending && emails.Contains(m.RecipientEmail) && !essential.Contains(m.Kind) && !claimed.Contains(m.Id))
                .ToListAsync(cancellationToken))
            .Where(m => m.IsDue(dueBy))];
    }

    private static async Task<Dictionary<string, NotificationSettings>> RecipientsAsync(AppDbContext db, List<OutboxMessage> batch, CancellationToken cancellationToken)
    {
        var emails = batch.Select(m => NotificationSettings.Normalise(m.RecipientEmail)).Distinct().ToArray();
        return await db.NotificationSettings.AsNoTracking().Where(s => emails.Contains(s.Email)).ToDictionaryAsync(s => s.Email, cancellationToken);
    }

    private static async Task<List<OutboxMessage>> ClaimAsync(AppDbContext db, Share share, DateTimeOffset now, int count, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            var entity = db.Model.FindEntityType(typeof(OutboxMessage))!;
            var table = $"\"{entity.GetSchema()}\".\"{entity.GetTableName()}\"";
            var pending = nameof(OutboxState.Pending);
            // The address as NotificationSettings.Normalise leaves it; bigint, so that abs() of the lowest int4 cannot overflow.
            var mine = share.Of > 1 ? "AND abs(hashtext(lower(btrim(recipient_email)))::bigint) % {3} = {4} " : string.Empty;
            // Only the model's own identifiers are put into the text; every value is a parameter.
#pragma warning disable EF1002
            return await db.OutboxMessages
                .FromSqlRaw(
                    $"SELECT * FROM {table} WHERE state = {{0}} AND next_attempt_at <= {{1}} {mine}ORDER BY next_attempt_at LIMIT {{2}} FOR UPDATE SKIP LOCKED",
                    share.Of > 1 ? new object[] { pending, now, count, share.Of, share.Worker } : new object[] { pending, now, count })
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

    /// <summary>The messages that went, in one statement per thousand: as <see cref="OutboxMessage.MarkSent"/> leaves each of them.</summary>
    private static async Task WriteSentAsync(AppDbContext db, List<Guid> sent, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var ids in sent.Chunk(1_000))
        {
            await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.State, OutboxState.Sent)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.SentAt, at),
                cancellationToken);
        }
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

    /// <summary>One e-mail of one letter or several to the same person.</summary>
    private MimeMessage ToMime(List<OutboxMessage> letter, NotificationSettings? recipient, MailboxAddress from)
    {
        var first = letter[0];
        var content = CombinedMessages.Combine(
            [.. letter.Select(m => new RenderedMessage(m.Subject, m.TextBody, m.HtmlBody))], recipient?.Language ?? MessageLanguages.Swedish);
        // Date and Message-Id given from the start: the parameterless constructor would first make a Message-Id of its own
        // (a random number and the host's name) and a local date, a fifth of this method's time in the drain bench's trace.
        var mime = new MimeMessage(
            new Header(HeaderId.Date, DateUtils.FormatDate(time.GetUtcNow())),
            new Header(HeaderId.MessageId, $"<{first.Id:N}@{from.Domain}>"),
            new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html }.ToMessageBody())
        {
            Subject = content.Subject,
        };
        // Each message its own address: an address list listens to the changes of the addresses it holds.
        mime.From.Add(new MailboxAddress(from.Name, from.Address));
        mime.To.Add(new MailboxAddress(first.RecipientName, first.RecipientEmail));
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        var kinds = string.Join(',', letter.Select(m => m.Kind).Distinct());
        mime.Headers.Add("X-En-Sak-I-Taget-Kind", kinds);
        if (recipient is not null && !LetterKinds.Essential.Contains(first.Kind))
        {
            // RFC 8058: a mail program posts List-Unsubscribe=One-Click to the link; the kinds of this e-mail are turned off.
            var link = app.Value.Link($"api/v1/unsubscribe/{Uri.EscapeDataString(recipient.UnsubscribeToken)}?kinds={Uri.EscapeDataString(kinds)}");
            mime.Headers.Add("List-Unsubscribe", $"<{link}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        return mime;
    }

    /// <summary>Takes up to <paramref name="wanted"/> of what may still go this minute, counted as gone now, so that workers side by side never together exceed the maximum.</summary>
    private int Reserve(int wanted, int maxPerMinute)
    {
        lock (sentInLastMinute)
        {
            var now = time.GetUtcNow();
            var minuteAgo = now - TimeSpan.FromMinutes(1);
            while (sentInLastMinute.TryPeek(out var at) && (at <= minuteAgo || at > now))
            {
                sentInLastMinute.Dequeue();
            }

            var granted = Math.Min(wanted, Math.Max(0, maxPerMinute - sentInLastMinute.Count));
            for (var i = 0; i < granted; i++)
            {
                sentInLastMinute.Enqueue(now);
            }

            return granted;
        }
    }

    /// <summary>
    /// Gives back what was reserved and not tried. A queue drops only from its front, so the oldest
    /// entries go in place of the newest: what is left then expires later, never sooner, and the
    /// maximum still holds. A message tried and failed counts, as it does for the mail server.
    /// </summary>
    private void Release(int unused)
    {
        if (unused <= 0)
        {
            return;
        }

        lock (sentInLastMinute)
        {
            for (var i = 0; i < unused && sentInLastMinute.Count > 0; i++)
            {
                sentInLastMinute.Dequeue();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the outbox failed; trying again shortly")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending the outbox waits for the database ({Reason}); trying again shortly: {Error}")]
    private partial void LogDatabaseUnavailable(string reason, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up on message {MessageId} after {Attempts} tries: {Error}")]
    private partial void LogGaveUp(Guid messageId, int attempts, string? error);
}
