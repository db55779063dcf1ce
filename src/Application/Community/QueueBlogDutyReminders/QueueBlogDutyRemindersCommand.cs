using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Application.Messaging.Contracts;
using EnSakITaget.Application.Participants.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Community.QueueBlogDutyReminders;

/// <summary>
/// What the notice scheduler runs, as the system: a letter to whoever is on blog duty this week,
/// from the Monday of the week on (a Monday the service missed is made up later that week). The
/// letter is about the library and the week, so every later tick of the week queues nothing.
/// </summary>
public sealed record QueueBlogDutyRemindersCommand : IRequest<int>;

internal sealed class QueueBlogDutyRemindersCommandHandler(
    IApplicationDbContext db, IParticipantDirectory participants, ILibraryDirectory libraries, IOutbox outbox, CourseCalendar calendar)
    : IRequestHandler<QueueBlogDutyRemindersCommand, int>
{
    public async ValueTask<int> Handle(QueueBlogDutyRemindersCommand command, CancellationToken cancellationToken)
    {
        var today = calendar.Today;

        // One rota per municipal library organisation: few enough to read whole.
        var onDuty = (await db.BlogDutyRotas.AsNoTracking().ToListAsync(cancellationToken))
            .Select(r => (r.LibraryId, Week: r.OnDuty(today)))
            .Where(d => d.Week?.StaffMemberId is not null)
            .ToList();
        if (onDuty.Count == 0)
        {
            return 0;
        }

        var contacts = await participants.ContactsAsync([.. onDuty.Select(d => d.Week!.StaffMemberId!.Value).Distinct()], cancellationToken);
        var names = await libraries.FindManyAsync([.. onDuty.Select(d => d.LibraryId)], cancellationToken);
        var letters = new List<Letter>();
        foreach (var (libraryId, week) in onDuty)
        {
            if (contacts.TryGetValue(week!.StaffMemberId!.Value, out var contact))
            {
                var code = await libraries.CodeOfAsync(libraryId, cancellationToken);
                var library = names.TryGetValue(libraryId, out var summary) ? summary.Name : string.Empty;
                letters.Add(new BlogDutyLetter(contact.Email, contact.Name, libraryId, library, code, week.WeekOf));
            }
        }

        var queued = await outbox.QueueManyAsync(letters, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }
}
