using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Privacy.Contracts;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Messaging;

/// <summary>
/// The Messaging module's part in export and erasure: the e-mails queued or sent to the person, and their e-mail choices.
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
        var sections = new List<PersonalDataSection>();
        if (messages.Count > 0)
        {
            sections.Add(new("emails", messages.Count,
                "E-post som systemet har skickat eller ska skicka till personen: slag, ämnesrad och när (innehållet lämnas inte ut, eftersom inbjudningar och återställningar bär en länk som ger tillgång till kontot).",
                "E-mails the system has sent or is to send to the person: kind, subject and when (the bodies are left out, as invitations and resets carry a link that opens the account).",
                [.. messages.Cast<object>()]));
        }

        var settings = await db.NotificationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Email == email, cancellationToken);
        if (settings is not null)
        {
            var choices = Notifications.NotificationSettingsDto.Of(settings);
            sections.Add(new("notificationSettings", 1,
                "Personens val av e-post: språk och, för varje slag, genast, veckovis eller inte alls.",
                "The person's e-mail choices: language and, for each kind, at once, weekly or not at all.",
                [new { settings.Email, choices.Language, choices.Kinds, settings.UpdatedAt }]));
        }

        return sections;
    }

    /// <summary>Every message to the person goes, sent or waiting: an erased person gets nothing more, and no address or greeting is kept.</summary>
    public async Task EraseAsync(DataSubject subject, ErasureRequest request, CancellationToken cancellationToken)
    {
        var email = subject.Email.ToLowerInvariant();
        await db.OutboxMessages.Where(m => m.RecipientEmail.ToLower() == email).ExecuteDeleteAsync(cancellationToken);
        await db.NotificationSettings.Where(s => s.Email == email).ExecuteDeleteAsync(cancellationToken);
    }
}
