using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Statistics.Contracts;
using EnSakITaget.Domain.Participants;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Participants;

/// <summary>
/// The Participants module's figures for statistics, from its read model: the enrolments'
/// counters and calendar days, and the reports counted per unit and day. No progress event is read.
/// The caller (the Statistics module) has decided which units and rounds the figures may cover, so,
/// as a source of the statistics read model, it reads past the library scope: a pilot's figures
/// count at their own unit, whoever's round they take part in.
/// </summary>
internal sealed class ParticipationStatistics(IApplicationDbContext db) : IParticipationStatistics
{
    public async Task<IReadOnlyList<UnitParticipation>> PerUnitAsync(
        StatisticsPeriod period, IReadOnlyCollection<Guid>? roundIds, IReadOnlyCollection<Guid>? unitIds, CancellationToken cancellationToken)
    {
        var (from, to, today, activeSince) = (period.From ?? DateOnly.MinValue, period.To, period.Today, period.Today.AddDays(-30));
        var rounds = roundIds?.ToArray();
        var units = unitIds?.ToArray();

        var enrolments = db.Enrolments.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.Status != EnrolmentStatus.Withdrawn && e.InvitedOn <= to);
        var staff = db.StaffMembers.IgnoreQueryFilters().AsNoTracking();
        if (rounds is not null)
        {
            enrolments = enrolments.Where(e => rounds.Contains(e.RoundId));
        }

        if (units is not null)
        {
            staff = staff.Where(s => units.Contains(s.UnitId));
        }

        var people = await enrolments
            .Join(staff, e => e.StaffMemberId, s => s.Id, (e, s) => new { e.StaffMemberId, s.UnitId, s.IsManager, e.LastActiveOn, e.CompletedOn, e.ThingsReported })
            .GroupBy(x => x.UnitId)
            .Select(g => new
            {
                UnitId = g.Key,
                Enrolled = g.Select(x => x.StaffMemberId).Distinct().Count(),
                Managers = g.Where(x => x.IsManager).Select(x => x.StaffMemberId).Distinct().Count(),
                Active = g.Where(x => x.LastActiveOn > activeSince && x.LastActiveOn <= today).Select(x => x.StaffMemberId).Distinct().Count(),
                Completed = g.Count(x => x.CompletedOn >= from && x.CompletedOn <= to),
                Reported = g.Sum(x => x.ThingsReported),
            })
            .ToListAsync(cancellationToken);

        // Without a period the enrolments' own counters are the total; with one, the day counts say what fell in it.
        IReadOnlyDictionary<Guid, int>? reportedInPeriod = null;
        if (!period.IsAllTime)
        {
            reportedInPeriod = await DaysOf(period, rounds, units).GroupBy(d => d.UnitId).Select(g => new { g.Key, Reports = g.Sum(d => d.Reports) })
                .ToDictionaryAsync(g => g.Key, g => g.Reports, cancellationToken);
        }

        var byUnit = people.ToDictionary(p => p.UnitId);
        var unitsWithFigures = byUnit.Keys.Union(reportedInPeriod?.Keys ?? []);
        return [.. unitsWithFigures.Select(unit =>
        {
            var p = byUnit.GetValueOrDefault(unit);
            var reported = reportedInPeriod is null ? p?.Reported ?? 0 : reportedInPeriod.GetValueOrDefault(unit);
            return new UnitParticipation(unit, p?.Enrolled ?? 0, p?.Managers ?? 0, p?.Active ?? 0, p?.Completed ?? 0, reported);
        })];
    }

    public async Task<IReadOnlyDictionary<DateOnly, int>> ReportsPerDayAsync(
        StatisticsPeriod period, IReadOnlyCollection<Guid>? roundIds, IReadOnlyCollection<Guid>? unitIds, CancellationToken cancellationToken) =>
        await DaysOf(period, roundIds?.ToArray(), unitIds?.ToArray())
            .GroupBy(d => d.Day)
            .Select(g => new { g.Key, Reports = g.Sum(d => d.Reports) })
            .ToDictionaryAsync(g => g.Key, g => g.Reports, cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, int>> EnrolledPerRoundAsync(IReadOnlyCollection<Guid> roundIds, CancellationToken cancellationToken)
    {
        var ids = roundIds.ToArray();
        return await db.Enrolments.IgnoreQueryFilters().AsNoTracking()
            .Where(e => ids.Contains(e.RoundId) && e.Status != EnrolmentStatus.Withdrawn)
            .GroupBy(e => e.RoundId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    public async Task<RoundParticipation> RoundAsync(Guid roundId, CancellationToken cancellationToken)
    {
        var enrolments = await db.Enrolments.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.RoundId == roundId && e.Status != EnrolmentStatus.Withdrawn)
            .Select(e => new EnrolmentFigures(e.Status == EnrolmentStatus.Completed, e.ActivatedAt, e.CompletedAt, e.ThingsReported, e.LastActiveOn))
            .ToListAsync(cancellationToken);
        var taking = db.Enrolments.IgnoreQueryFilters().Where(e => e.RoundId == roundId && e.Status != EnrolmentStatus.Withdrawn).Select(e => e.Id);
        var perPosition = await db.ThingProgress.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.RoundId == roundId && p.Status == ThingProgressStatus.Reported && taking.Contains(p.EnrolmentId))
            .GroupBy(p => p.Position)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var perDay = await db.DailyReportCounts.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.RoundId == roundId)
            .GroupBy(d => d.Day)
            .Select(g => new { g.Key, Reports = g.Sum(d => d.Reports) })
            .ToDictionaryAsync(g => g.Key, g => g.Reports, cancellationToken);
        return new RoundParticipation(enrolments, perPosition, perDay);
    }

    private IQueryable<DailyReportCount> DaysOf(StatisticsPeriod period, Guid[]? rounds, Guid[]? units)
    {
        var (from, to) = (period.From ?? DateOnly.MinValue, period.To);
        var days = db.DailyReportCounts.IgnoreQueryFilters().AsNoTracking().Where(d => d.Day >= from && d.Day <= to);
        if (rounds is not null)
        {
            days = days.Where(d => rounds.Contains(d.RoundId));
        }

        return units is null ? days : days.Where(d => units.Contains(d.UnitId));
    }
}
