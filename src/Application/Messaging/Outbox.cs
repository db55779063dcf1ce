using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Messaging.Contracts;
using EnSakITaget.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Messaging;

/// <summary>
/// Adds the letter to the unit of work under way, so it is saved with the change that causes it, or
/// not at all. The unique idempotency key is the last guard; looking first keeps a letter queued
/// before from failing the whole change. What the recipient chose decides: a kind turned off is not
/// queued, a weekly one waits for Monday morning; invitations and resets always go at once.
/// </summary>
internal sealed class Outbox(IApplicationDbContext db, MessageTemplates templates, CourseCalendar calendar) : IOutbox
{
    private const int LookupChunk = 1_000;
    private const DayOfWeek WeeklyDay = DayOfWeek.Monday;
    private const int WeeklyHour = 7;

    public async Task<bool> QueueAsync(Letter letter, CancellationToken cancellationToken) =>
        await QueueManyAsync([letter], cancellationToken) == 1;

    public async Task<int> QueueManyAsync(IReadOnlyList<Letter> letters, CancellationToken cancellationToken)
    {
        var keyed = letters
            .Select(l => (Letter: l, Key: OutboxMessage.KeyOf(l.To, l.Kind, l.AboutKey)))
            .DistinctBy(l => l.Key)
            .ToList();
        var queued = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keyed.Select(l => l.Key).Chunk(LookupChunk))
        {
            queued.UnionWith(await db.OutboxMessages.Where(m => chunk.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(cancellationToken));
        }

        queued.UnionWith(db.OutboxMessages.Local.Select(m => m.IdempotencyKey));
        var fresh = keyed.Where(l => !queued.Contains(l.Key)).Select(l => l.Letter).ToList();
        var settings = await SettingsOfAsync([.. fresh.Select(l => l.To)], cancellationToken);
        var count = 0;
        foreach (var letter in fresh)
        {
            var mine = settings[NotificationSettings.Normalise(letter.To)];
            var choice = LetterKinds.Essential.Contains(letter.Kind) ? NotificationChoice.AtOnce : mine.ChoiceFor(letter.Kind, LetterKinds.DefaultFor(letter.Kind));
            if (choice == NotificationChoice.Off)
            {
                continue;
            }

            var message = templates.Render(letter, mine.Language);
            db.OutboxMessages.Add(OutboxMessage.Queue(
                letter.To, letter.RecipientName, letter.UserId, letter.Kind, letter.AboutKey, message.Subject, message.Text, message.Html,
                calendar.Now, choice == NotificationChoice.Weekly ? NextWeekly() : null));
            count++;
        }

        return count;
    }

    public async Task<bool> HasQueuedAsync(string recipientEmail, string kind, string aboutKey, CancellationToken cancellationToken) =>
        await QueuedAtAsync(recipientEmail, kind, aboutKey, cancellationToken) is not null;

    public async Task<DateTimeOffset?> QueuedAtAsync(string recipientEmail, string kind, string aboutKey, CancellationToken cancellationToken) =>
        (await QueuedAtAsync([(recipientEmail, kind, aboutKey)], cancellationToken))[0];

    public async Task<IReadOnlyList<DateTimeOffset?>> QueuedAtAsync(
        IReadOnlyList<(string RecipientEmail, string Kind, string AboutKey)> letters, CancellationToken cancellationToken)
    {
        var keys = letters.Select(l => OutboxMessage.KeyOf(l.RecipientEmail, l.Kind, l.AboutKey)).ToList();
        var queuedAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(LookupChunk))
        {
            foreach (var found in await db.OutboxMessages.AsNoTracking().Where(m => chunk.Contains(m.IdempotencyKey))
                         .Select(m => new { m.IdempotencyKey, m.CreatedAt }).ToListAsync(cancellationToken))
            {
                queuedAt[found.IdempotencyKey] = found.CreatedAt;
            }
        }

        foreach (var local in db.OutboxMessages.Local)
        {
            queuedAt[local.IdempotencyKey] = local.CreatedAt;
        }

        return [.. keys.Select(k => queuedAt.TryGetValue(k, out var at) ? at : (DateTimeOffset?)null)];
    }

    public async Task<int> DropWaitingAsync(
        IReadOnlyList<(string RecipientEmail, string Kind, string AboutKey)> letters, CancellationToken cancellationToken)
    {
        var keys = letters.Select(l => OutboxMessage.KeyOf(l.RecipientEmail, l.Kind, l.AboutKey)).Distinct(StringComparer.Ordinal).ToList();
        var dropped = 0;
        foreach (var local in db.OutboxMessages.Local.Where(m => m.State == OutboxState.Pending && keys.Contains(m.IdempotencyKey)).ToList())
        {
            db.OutboxMessages.Remove(local);
            dropped++;
        }

        foreach (var chunk in keys.Chunk(LookupChunk))
        {
            dropped += await db.OutboxMessages.Where(m => m.State == OutboxState.Pending && chunk.Contains(m.IdempotencyKey)).ExecuteDeleteAsync(cancellationToken);
        }

        return dropped;
    }

    /// <summary>Each address's settings, made (and saved with the letters) for an address seen for the first time: its unsubscribe token.</summary>
    private async Task<Dictionary<string, NotificationSettings>> SettingsOfAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken)
    {
        var wanted = emails.Select(NotificationSettings.Normalise).Distinct().ToList();
        var found = db.NotificationSettings.Local.Where(s => wanted.Contains(s.Email)).ToDictionary(s => s.Email);
        foreach (var chunk in wanted.Where(e => !found.ContainsKey(e)).Chunk(LookupChunk))
        {
            foreach (var settings in await db.NotificationSettings.Where(s => chunk.Contains(s.Email)).ToListAsync(cancellationToken))
            {
                found[settings.Email] = settings;
            }
        }

        foreach (var email in wanted.Where(e => !found.ContainsKey(e)))
        {
            var settings = NotificationSettings.For(email, calendar.Now);
            db.NotificationSettings.Add(settings);
            found[email] = settings;
        }

        return found;
    }

    /// <summary>The next Monday at seven in the libraries' calendar, when the week's letters go as one.</summary>
    private DateTimeOffset NextWeekly()
    {
        var today = calendar.Today;
        var day = today.AddDays(((int)WeeklyDay - (int)today.DayOfWeek + 7) % 7);
        var at = calendar.At(day, WeeklyHour);
        return at > calendar.Now ? at : calendar.At(day.AddDays(7), WeeklyHour);
    }
}
