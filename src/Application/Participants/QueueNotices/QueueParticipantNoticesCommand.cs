using System.Globalization;
using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Community.Contracts;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Application.Identity.Contracts;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Application.Messaging.Contracts;
using EnSakITaget.Application.Participants.ListLaggards;
using EnSakITaget.Domain.Participants;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Application.Participants.QueueNotices;

/// <summary>
/// What the notice scheduler runs, as the system: for every open round, a letter about each thing
/// released in the last day to those taking part who have not reported it, the deadline's approach
/// to those not done, and on the digest day a week's digest to the round's coordinators. Withdrawn
/// and completed participants get none. Each letter's idempotency key makes a second run send nothing.
/// </summary>
public sealed record QueueParticipantNoticesCommand : IRequest<int>;

internal sealed class QueueParticipantNoticesCommandHandler(
    IApplicationDbContext db, IRoundDirectory rounds, ILibraryDirectory libraries, ICoordinatorDirectory coordinators, IOutbox outbox,
    CourseCalendar calendar, IOptions<FollowUpOptions> options, ISender sender, IRoundBlogWeek blog)
    : IRequestHandler<QueueParticipantNoticesCommand, int>
{
    public async ValueTask<int> Handle(QueueParticipantNoticesCommand command, CancellationToken cancellationToken)
    {
        var (today, now, settings) = (calendar.Today, calendar.Now, options.Value);
        var roundIds = await db.Enrolments.AsNoTracking()
            .Where(e => e.Status == EnrolmentStatus.Invited || e.Status == EnrolmentStatus.Active)
            .Select(e => e.RoundId).Distinct().ToListAsync(cancellationToken);
        var plans = (await rounds.PlansAsync(roundIds, cancellationToken)).Values.Where(p => p.IsOpen).ToList();
        var names = await libraries.FindManyAsync([.. plans.Select(p => p.HomeLibraryId).Distinct()], cancellationToken);

        var queued = 0;
        foreach (var plan in plans)
        {
            var round = new RoundOfLetter(plan.Id, plan.Title, names.TryGetValue(plan.HomeLibraryId, out var library) ? library.Name : string.Empty);
            var fresh = plan.Things.Where(t => t.ReleasedAt is { } at && at > now.AddDays(-1)).ToList();
            var deadlineNear = today >= plan.Deadline.AddDays(-settings.DeadlineReminderDays) && today <= plan.Deadline;
            var letters = new List<Letter>();
            if (fresh.Count > 0 || deadlineNear)
            {
                var taking = await TakingPartAsync(plan.Id, cancellationToken);
                letters.AddRange(fresh.SelectMany(thing => taking
                    .Where(p => !p.Reported.Contains(thing.Id))
                    .Select(p => new ThingReleasedLetter(p.Email, p.Name, round, thing.Id, thing.Position, thing.Title, thing.EstimatedMinutes))));
                if (deadlineNear)
                {
                    letters.AddRange(taking.Where(p => p.Reported.Count < plan.Things.Count)
                        .Select(p => new DeadlineLetter(p.Email, p.Name, round, plan.Deadline, plan.Things.Count - p.Reported.Count)));
                }
            }

            if (today.DayOfWeek == settings.DigestDay)
            {
                letters.AddRange(await DigestsAsync(plan, round, today, now, cancellationToken));
            }

            queued += await outbox.QueueManyAsync(letters, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return queued;
    }

    /// <summary>Those invited or taking part, not done and not withdrawn, with the things they have reported.</summary>
    private async Task<List<Taking>> TakingPartAsync(Guid roundId, CancellationToken cancellationToken)
    {
        var people = await db.Enrolments.AsNoTracking()
            .Where(e => e.RoundId == roundId && (e.Status == EnrolmentStatus.Invited || e.Status == EnrolmentStatus.Active))
            .Join(db.StaffMembers.AsNoTracking(), e => e.StaffMemberId, s => s.Id, (e, s) => new { EnrolmentId = e.Id, s.Email, s.Name, s.LeftOn })
            .Where(x => x.LeftOn == null)
            .ToListAsync(cancellationToken);
        var reported = (await db.ThingProgress.AsNoTracking()
                .Where(p => p.RoundId == roundId && p.Status == ThingProgressStatus.Reported)
                .Select(p => new { p.EnrolmentId, p.ThingId })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.EnrolmentId, p => p.ThingId);
        return [.. people.Select(p => new Taking(p.Email, p.Name, reported[p.EnrolmentId].ToHashSet()))];
    }

    private async Task<IReadOnlyList<Letter>> DigestsAsync(RoundPlan plan, RoundOfLetter round, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var coordinatorIds = plan.CoordinatorIds.Count > 0
            ? plan.CoordinatorIds
            : [.. await coordinators.CoordinatorsOfAsync(plan.HomeLibraryId, cancellationToken)];
        var contacts = await coordinators.ContactsAsync(coordinatorIds, cancellationToken);
        if (contacts.Count == 0)
        {
            return [];
        }

        var titles = plan.Things.ToDictionary(t => t.Id, t => t.Title);
        var weekAgo = now.AddDays(-7);
        var reflections = await db.ThingProgress.AsNoTracking()
            .Where(p => p.RoundId == plan.Id && p.Status == ThingProgressStatus.Reported)
            .Join(db.Enrolments.AsNoTracking(), p => p.EnrolmentId, e => e.Id, (p, e) => new { p.ThingId, p.Position, p.ReportedAt, p.AcknowledgedAt, e.StaffMemberId })
            .Join(db.StaffMembers.AsNoTracking(), x => x.StaffMemberId, s => s.Id, (x, s) => new { x.ThingId, x.Position, x.ReportedAt, x.AcknowledgedAt, s.Name })
            .ToListAsync(cancellationToken);
        var reports = reflections.Where(r => r.ReportedAt > weekAgo).OrderBy(r => r.ReportedAt)
            .Select(r => new DigestLine(r.Name, titles.GetValueOrDefault(r.ThingId, string.Empty))).ToList();
        var awaiting = reflections.Where(r => r.AcknowledgedAt == null).OrderBy(r => r.ReportedAt)
            .Select(r => new DigestLine(r.Name, titles.GetValueOrDefault(r.ThingId, string.Empty))).ToList();
        var spread = (await db.Enrolments.AsNoTracking()
                .Where(e => e.RoundId == plan.Id && e.Status != EnrolmentStatus.Withdrawn)
                .GroupBy(e => e.ThingsReported)
                .Select(g => new { ThingsReported = g.Key, People = g.Count() })
                .ToListAsync(cancellationToken))
            .OrderBy(s => s.ThingsReported).Select(s => (s.ThingsReported, s.People)).ToList();
        var laggards = await sender.Send(new ListLaggardsQuery(plan.Id), cancellationToken);
        var blogWeek = await blog.SinceAsync(plan.Id, weekAgo, cancellationToken);
        var week = ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue)).ToString(CultureInfo.InvariantCulture)
            + "-W" + ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)).ToString("00", CultureInfo.InvariantCulture);
        return [.. contacts.Select(c => new CoordinatorDigestLetter(
            c.Email, c.Name, c.UserId, round, week, spread.Sum(s => s.People), reports, awaiting, [.. laggards.Items.Select(l => l.Name)], spread)
        {
            Blog = blogWeek,
        })];
    }

    private sealed record Taking(string Email, string Name, IReadOnlySet<Guid> Reported);
}
