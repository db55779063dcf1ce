using EnSakITaget.Web.Common.Api;

namespace EnSakITaget.Web.Coordination;

public enum TimelineState
{
    Released,
    Next,
    Planned,
    Unplanned,
}

/// <param name="Offset">Where on the line from the kick-off (0) to the deadline (1) the thing's date falls; null without a date.</param>
public sealed record TimelineThing(int Position, string Title, TimelineState State, DateOnly? Date, double? Offset);

public sealed record TimelinePause(DateOnly From, DateOnly To, double Start, double End);

/// <summary>
/// A round's schedule laid out on one line from the kick-off to the deadline: what is out, what is
/// next, what is planned, and the pauses. The picture and the table under it are both drawn from it.
/// </summary>
public sealed record TimelineModel(
    DateOnly KickOff, DateOnly Deadline, IReadOnlyList<TimelineThing> Things, IReadOnlyList<TimelinePause> Pauses, double? TodayOffset)
{
    public int ReleasedCount => Things.Count(t => t.State == TimelineState.Released);

    public int PlannedCount => Things.Count(t => t.State is TimelineState.Planned or TimelineState.Next && t.Date is not null);

    public TimelineThing? Next => Things.FirstOrDefault(t => t.State == TimelineState.Next);

    public static TimelineModel From(ScheduleDto schedule, DateOnly today)
    {
        var kickOff = schedule.KickOff ?? today;
        var deadline = schedule.Deadline is { } d && d > kickOff ? d : kickOff.AddDays(1);
        var days = (double)(deadline.DayNumber - kickOff.DayNumber);
        double Place(DateOnly date) => Math.Clamp((date.DayNumber - kickOff.DayNumber) / days, 0, 1);

        var things = (schedule.Things ?? [])
            .OrderBy(t => t.Position)
            .Select(t =>
            {
                var state = t.ReleasedAt is not null ? TimelineState.Released
                    : t.ThingId == schedule.NextThingId ? TimelineState.Next
                    : t.PlannedDate is not null ? TimelineState.Planned
                    : TimelineState.Unplanned;
                DateOnly? date = t.ReleasedAt is { } released ? DateOnly.FromDateTime(released.ToLocalTime().Date) : t.PlannedDate;
                return new TimelineThing(t.Position ?? 0, t.Title ?? string.Empty, state, date, date is { } day ? Place(day) : null);
            })
            .ToList();

        var pauses = (schedule.Pauses ?? [])
            .Where(p => p.From is not null && p.To is not null)
            .OrderBy(p => p.From)
            .Select(p => new TimelinePause(p.From!.Value, p.To!.Value, Place(p.From.Value), Place(p.To.Value)))
            .ToList();

        double? todayOffset = today >= kickOff && today <= deadline ? Place(today) : null;
        return new TimelineModel(kickOff, deadline, things, pauses, todayOffset);
    }
}
