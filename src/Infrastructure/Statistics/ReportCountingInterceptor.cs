using System.Runtime.CompilerServices;
using EnSakITaget.Application.Common;
using EnSakITaget.Domain.Participants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace EnSakITaget.Infrastructure.Statistics;

/// <summary>
/// Keeps the statistics' read model of the reports (<see cref="DailyReportCounts"/>) as part of
/// the unit of work: every first report of a thing that a save adds (a <see cref="ProgressEventKind.Reported"/>
/// event) is counted for its reporter's unit and day after the save's own statements, last in
/// the same transaction, so the unit's row for the day, which its colleagues' reports also add
/// to, stays locked for as short a time as possible. No handler calls it.
/// </summary>
internal sealed class ReportCountingInterceptor(CourseCalendar calendar) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> pending = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && ReportsAdded(context) is { Count: > 0 } reports)
        {
            // Outside a command's transaction the save and its count still stand or fall together.
            var owned = context.Database.CurrentTransaction is null ? await context.Database.BeginTransactionAsync(cancellationToken) : null;
            pending.AddOrUpdate(context, new Pending(reports, owned));
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && ReportsAdded(context) is { Count: > 0 } reports)
        {
            var owned = context.Database.CurrentTransaction is null ? context.Database.BeginTransaction() : null;
            pending.AddOrUpdate(context, new Pending(reports, owned));
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context || !pending.TryGetValue(context, out var work))
        {
            return result;
        }

        pending.Remove(context);
        await using (work.Owned)
        {
            foreach (var count in work.Counts)
            {
                await DailyReportCounts.AddAsync(context, count, cancellationToken);
            }

            if (work.Owned is not null)
            {
                await work.Owned.CommitAsync(cancellationToken);
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is not { } context || !pending.TryGetValue(context, out var work))
        {
            return result;
        }

        pending.Remove(context);
        using (work.Owned)
        {
            foreach (var count in work.Counts)
            {
                DailyReportCounts.Add(context, count);
            }

            work.Owned?.Commit();
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && pending.TryGetValue(context, out var work))
        {
            pending.Remove(context);
            if (work.Owned is not null)
            {
                await work.Owned.DisposeAsync();
            }
        }
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context && pending.TryGetValue(context, out var work))
        {
            pending.Remove(context);
            work.Owned?.Dispose();
        }
    }

    /// <summary>The first reports about to be saved, added up per reporter and day (one reporter's unit is one row).</summary>
    private List<ReportCount> ReportsAdded(DbContext context) =>
    [
        .. context.ChangeTracker.Entries<ProgressEvent>()
            .Where(e => e.State == EntityState.Added && e.Entity.Kind == ProgressEventKind.Reported)
            .GroupBy(e => (e.Entity.RoundId, e.Entity.StaffMemberId, e.Entity.RoundLibraryId, Day: calendar.DayOf(e.Entity.OccurredAt)))
            .Select(g => new ReportCount(g.Key.RoundId, g.Key.StaffMemberId, g.Key.RoundLibraryId, g.Key.Day, g.Count())),
    ];

    private sealed record Pending(List<ReportCount> Counts, IDbContextTransaction? Owned);
}
