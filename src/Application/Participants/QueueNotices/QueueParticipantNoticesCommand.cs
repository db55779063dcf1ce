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
/// What the notice scheduler runs, as the system: a letter about each thing released since the last
/// tick to those taking part who have not reported it, the deadline's approach to those not done when
/// its window opens, and on the digest day a week's digest to the round's coordinators and the week of
/// the round's blog to those taking part (none in a week without new posts or comments). Withdrawn,
/// completed, departed and erased people get none. Each letter's idempotency key makes a second run
/// send nothing; the window makes a tick that finds nothing new cost one query.
/// </summary>
/// <param name="Since">Where the last tick's window ended (with some overlap); null on the first tick, which looks a day back.</param>
public sealed record QueueParticipantNoticesCommand(DateTimeOffset? Since = null) : IRequest<int>;

internal sealed class QueueParticipantNoticesCommandHandler(
    IApplicationDbContext db, IRoundDirectory rounds, ILibraryDirectory libraries, ICoordinatorDirectory coordinators, IOutbox outbox,
    CourseCalendar calendar, IOptions<FollowUpOptions> options, ISender sender, IRoundBlogWeek blog)
    : IRequestHandler<QueueParticipantNoticesCommand, int>
{
    /// <summary>How many rounds are read at once, and how many letters are queued (and their change tracker emptied) at once.</summary>
    private const int RoundBatch = 100;
    private const int LetterBatch = 2_000;

    public async ValueTask<int> Handle(QueueParticipantNoticesCommand command, CancellationToken cancellationToken)
    {
        var (today, now, settings) = (calendar.Today, calendar.Now, options.Value);
        var since = command.Since is { } last && last <= now ? last : (DateTimeOffset?)null;
        var releasedSince = since ?? now.AddDays(-1);
        // The deadline letter goes when the window opens: on the first tick, every window open today.
        var deadlineFrom = since is { } s ? Later(today, calendar.DayOf(s).AddDays(settings.DeadlineReminderDays + 1)) : today;
        var deadlineTo = today.AddDays(settings.DeadlineReminderDays);
        var digestDue = today.DayOfWeek == settings.DigestDay && (since is null || calendar.DayOf(since.Value) < today);

        var ids = await rounds.OpenRoundIdsToWriteAboutAsync(new NoticeWindow(releasedSince, deadlineFrom, deadlineTo, EveryOpenRound: false), cancellationToken);
        var digestIds = digestDue
            ? (await rounds.OpenRoundIdsToWriteAboutAsync(new NoticeWindow(null, null, null, EveryOpenRound: true), cancellationToken)).ToHashSet()
            : [];
        var letters = new List<Letter>();
        var queued = 0;
        foreach (var batch in ids.Union(digestIds).Chunk(RoundBatch))
        {
            var plans = (await rounds.PlansAsync(batch, cancellationToken)).Values.Where(p => p.IsOpen).ToList();
            var names = await libraries.FindManyAsync([.. plans.Select(p => p.HomeLibraryId).Distinct()], cancellationToken);
            var writtenTo = plans
                .Select(p => (Plan: p, Fresh: p.Things.Where(t => t.ReleasedAt >= releasedSince).ToList(), DeadlineNear: p.Deadline >= deadlineFrom && p.Deadline <= deadlineTo))
                .ToList();
            var taking = await TakingPartAsync([.. writtenTo.Where(w => w.Fresh.Count > 0 || w.DeadlineNear || digestIds.Contains(w.Plan.Id)).Select(w => w.Plan.Id)], cancellationToken);
            foreach (var (plan, fresh, deadlineNear) in writtenTo)
            {
                var round = new RoundOfLetter(plan.Id, plan.Title, names.TryGetValue(plan.HomeLibraryId, out var library) ? library.Name : string.Empty);
                var people = taking[plan.Id].ToList();
                letters.AddRange(fresh.SelectMany(thing => people
                    .Where(p => !p.Reported.Contains(thing.Id))
                    .Select(p => new ThingReleasedLetter(p.Email, p.Name, round, thing.Id, thing.Position, thing.Title, thing.EstimatedMinutes))));
                if (deadlineNear)
                {
                    letters.AddRange(people.Where(p => p.Reported.Count < plan.Things.Count)
                        .Select(p => new DeadlineLetter(p.Email, p.Name, round, plan.Deadline, plan.Things.Count - p.Reported.Count)));
                }

                if (digestIds.Contains(plan.Id))
                {
                    letters.AddRange(await DigestsAsync(plan, round, today, now, cancellationToken));
                    letters.AddRange(await BlogWeeksAsync(round, people, today, now, cancellationToken));
                }

                if (letters.Count >= LetterBatch)
                {
                    queued += await QueueAsync(letters, cancellationToken);
                }
            }
        }

        return queued + await QueueAsync(letters, cancellationToken);
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>Queues and saves the letters gathered, then forgets them: what a tick holds stays bounded however much is new.</summary>
    private async Task<int> QueueAsync(List<Letter> letters, CancellationToken cancellationToken)
    {
        if (letters.Count == 0)
        {
            return 0;
        }

        var queued = await outbox.QueueManyAsync(letters, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.DiscardChanges();
        letters.Clear();
        return queued;
    }

    /// <summary>Of each round, those invited or taking part, not done, withdrawn, departed or erased, with the things they have reported.</summary>
    private async Task<ILookup<Guid, Taking>> TakingPartAsync(IReadOnlyCollection<Guid> roundIds, CancellationToken cancellationToken)
    {
        if (roundIds.Count == 0)
        {
            return Array.Empty<Taking>().ToLookup(_ => Guid.Empty);
        }

        var people = await db.Enrolments.AsNoTracking()
            .Where(e => roundIds.Contains(e.RoundId) && (e.Status == EnrolmentStatus.Invited || e.Status == EnrolmentStatus.Active))
            .Join(db.StaffMembers.AsNoTracking().Where(StaffMember.NotErased), e => e.StaffMemberId, s => s.Id, (e, s) => new { e.RoundId, EnrolmentId = e.Id, s.Email, s.Name, s.LeftOn })
            .Where(x => x.LeftOn == null)
            .ToListAsync(cancellationToken);
        var reported = (await db.ThingProgress.AsNoTracking()
                .Where(p => roundIds.Contains(p.RoundId) && p.Status == ThingProgressStatus.Reported)
                .Select(p => new { p.EnrolmentId, p.ThingId })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.EnrolmentId, p => p.ThingId);
        return people.ToLookup(p => p.RoundId, p => new Taking(p.Email, p.Name, reported[p.EnrolmentId].ToHashSet()));
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
            .Join(db.StaffMembers.AsNoTracking().Where(StaffMember.NotErased), x => x.StaffMemberId, s => s.Id, (x, s) => new { x.ThingId, x.Position, x.ReportedAt, x.AcknowledgedAt, s.Name })
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
            c.Email, c.Name, c.UserId, round, week, spread.Sum(s => s.People), reports, awaiting, [.. laggards.Items.Where(l => !StaffMember.IsErasedEmail(l.Email)).Select(l => l.Name)], spread)
        {
            Blog = blogWeek,
        })];
    }

    /// <summary>The week's new posts and comments of the round's blog, to each taking part; nothing in a quiet week.</summary>
    private async Task<IReadOnlyList<Letter>> BlogWeeksAsync(
        RoundOfLetter round, IReadOnlyList<Taking> people, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (people.Count == 0)
        {
            return [];
        }

        var news = await blog.NewsSinceAsync(round.Id, now.AddDays(-7), cancellationToken);
        var week = RoundBlogWeekLetter.WeekOf(today);
        return news.IsQuiet ? [] : [.. people.Select(p => new RoundBlogWeekLetter(p.Email, p.Name, round, week, news.Posts, news.NewComments))];
    }

    private sealed record Taking(string Email, string Name, IReadOnlySet<Guid> Reported);
}
