using EnSakITaget.Application.Common;
using EnSakITaget.Domain.Participants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EnSakITaget.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Before a save, every enrolment added or changed keeps the libraries' calendar days of its
/// moments, and tells the change tracker it did (a save looks for changes once, before this runs).
/// </summary>
internal sealed class CalendarDaysInterceptor(CourseCalendar calendar) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        KeepCalendarDays(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        KeepCalendarDays(eventData.Context);
        return result;
    }

    private void KeepCalendarDays(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var enrolment in context.ChangeTracker.Entries<Enrolment>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            enrolment.Entity.KeepCalendarDays(calendar.DayOf);
            enrolment.DetectChanges();
        }
    }
}
