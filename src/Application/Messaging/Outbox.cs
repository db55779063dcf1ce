using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Messaging.Contracts;
using EnSakITaget.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Messaging;

/// <summary>
/// Adds the letter to the unit of work under way, so it is saved with the change that causes it, or
/// not at all. The unique idempotency key is the last guard; looking first keeps a letter queued
/// before from failing the whole change.
/// </summary>
internal sealed class Outbox(IApplicationDbContext db, MessageTemplates templates, TimeProvider time) : IOutbox
{
    public async Task<bool> QueueAsync(Letter letter, CancellationToken cancellationToken)
    {
        if (await HasQueuedAsync(letter.To, letter.Kind, letter.AboutKey, cancellationToken))
        {
            return false;
        }

        var message = templates.Render(letter);
        db.OutboxMessages.Add(OutboxMessage.Queue(
            letter.To, letter.RecipientName, letter.UserId, letter.Kind, letter.AboutKey, message.Subject, message.Text, message.Html,
            time.GetUtcNow()));
        return true;
    }

    public async Task<bool> HasQueuedAsync(string recipientEmail, string kind, string aboutKey, CancellationToken cancellationToken)
    {
        var key = OutboxMessage.KeyOf(recipientEmail, kind, aboutKey);
        return db.OutboxMessages.Local.Any(m => m.IdempotencyKey == key)
            || await db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == key, cancellationToken);
    }
}
