using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Privacy.Contracts;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Messaging;

/// <summary>
/// The Messaging module's part in export and erasure: the e-mails queued or sent to the person.
/// The outbox is not scoped to libraries (only administrators list it), so nothing here passes a filter by.
/// </summary>
internal sealed class MessagingPersonalData(IApplicationDbContext db) : IPersonalDataSource
{
    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var email = subject.Email.ToLowerInvariant();
        var messages = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.RecipientEmail.ToLower() == email)
            .OrderBy(m => m.CreatedAt)
            .Select(m => new { m.Id, m.Kind, m.Subject, m.RecipientEmail, m.RecipientName, m.State, m.CreatedAt, m.SentAt })
            .ToListAsync(cancellationToken);
        return messages.Count == 0
            ? []
            :
            [
                new("emails", messages.Count,
                    "E-post som systemet har skickat eller ska skicka till personen: slag, ämnesrad och när (innehållet lämnas inte ut, eftersom inbjudningar och återställningar bär en länk som ger tillgång till kontot).",
                    "E-mails the system has sent or is to send to the person: kind, subject and when (the bodies are left out, as invitations and resets carry a link that opens the account).",
                    [.. messages.Cast<object>()]),
            ];
    }

    /// <summary>Every message to the person goes, sent or waiting: an erased person gets nothing more, and no address or greeting is kept.</summary>
    public async Task EraseAsync(DataSubject subject, ErasureRequest request, CancellationToken cancellationToken)
    {
        var email = subject.Email.ToLowerInvariant();
        await db.OutboxMessages.Where(m => m.RecipientEmail.ToLower() == email).ExecuteDeleteAsync(cancellationToken);
    }
}
