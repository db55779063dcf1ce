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
    CourseCalendar calendar, IOptions<FollowUpOptions> options, IRoundBlogWeek blog)
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
            var digestsOf = writtenTo.Where(w => digestIds.Contains(w.Plan.Id)).Select(w => w.Plan).ToList();
            var blogNews = digestsOf.Count > 0
                ? await blog.NewsSinceAsync([.. digestsOf.Select(p => p.Id)], now.AddDays(-7), cancellationToken)
                : new Dictionary<Guid, BlogWeekNews>();
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

                if (blogNews.TryGetValue(plan.Id, out var news) && !news.IsQuiet)
                {
                    letters.AddRange(people.Select(p => new RoundBlogWeekLetter(p.Email, p.Name, round, LetterWeek.Of(today), news.Posts, news.NewComments)));
                }

                if (letters.Count >= LetterBatch)
                {
                    queued += await QueueAsync(letters, cancellationToken);
                }
            }

            if (digestsOf.Count > 0)
            {
                letters.AddRange(await DigestsAsync(digestsOf, names, today, now, cancellationToken));
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

    /// <summary>The week's digest of each of these rounds to its coordinators: a few queries for all of them, not a few per round.</summary>
    private async Task<IReadOnlyList<Letter>> DigestsAsync(
        IReadOnlyList<RoundPlan> plans, IReadOnlyDictionary<Guid, LibrarySummary> names, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var coordinatorsOf = new Dictionary<Guid, IReadOnlyCollection<Guid>>();
        var ofLibrary = new Dictionary<Guid, IReadOnlySet<Guid>>();
        foreach (var plan in plans)
        {
            if (plan.CoordinatorIds.Count > 0)
            {
                coordinatorsOf[plan.Id] = plan.CoordinatorIds;
                continue;
            }

            if (!ofLibrary.TryGetValue(plan.HomeLibraryId, out var ids))
            {
                ofLibrary[plan.HomeLibraryId] = ids = await coordinators.CoordinatorsOfAsync(plan.HomeLibraryId, cancellationToken);
            }

            coordinatorsOf[plan.Id] = ids;
        }

        var contacts = (await coordinators.ContactsAsync([.. coordinatorsOf.Values.SelectMany(ids => ids).Distinct()], cancellationToken))
            .ToDictionary(c => c.UserId);
        var written = plans.Where(p => coordinatorsOf[p.Id].Any(contacts.ContainsKey)).ToList();
        if (written.Count == 0)
        {
            return [];
        }

        var roundIds = written.Select(p => p.Id).ToList();
        var reflections = (await db.ThingProgress.AsNoTracking()
                .Where(p => roundIds.Contains(p.RoundId) && p.Status == ThingProgressStatus.Reported)
                .Join(db.Enrolments.AsNoTracking(), p => p.EnrolmentId, e => e.Id, (p, e) => new { p.RoundId, p.ThingId, p.ReportedAt, p.AcknowledgedAt, e.StaffMemberId })
                .Join(db.StaffMembers.AsNoTracking().Where(StaffMember.NotErased), x => x.StaffMemberId, s => s.Id, (x, s) => new { x.RoundId, x.ThingId, x.ReportedAt, x.AcknowledgedAt, s.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.RoundId);
        var spreads = (await db.Enrolments.AsNoTracking()
                .Where(e => roundIds.Contains(e.RoundId) && e.Status != EnrolmentStatus.Withdrawn)
                .GroupBy(e => new { e.RoundId, e.ThingsReported })
                .Select(g => new { g.Key.RoundId, g.Key.ThingsReported, People = g.Count() })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.RoundId);
        var candidates = (await db.Enrolments.AsNoTracking()
                .Where(e => roundIds.Contains(e.RoundId) && (e.Status == EnrolmentStatus.Invited || e.Status == EnrolmentStatus.Active))
                .Join(db.StaffMembers.AsNoTracking(), e => e.StaffMemberId, s => s.Id, (e, s) => new { Enrolment = e, Staff = s })
                .OrderBy(x => x.Staff.Name).ThenBy(x => x.Staff.Id)
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.Enrolment.RoundId, x => (x.Enrolment, x.Staff));
        var rule = new LaggardRule(options.Value.LaggardBehindBy, options.Value.LaggardInactiveDays, TimeSpan.FromDays(options.Value.NudgeIntervalDays));
        var weekAgo = now.AddDays(-7);
        var week = LetterWeek.Of(today);
        var blogWeeks = await blog.SinceAsync(roundIds, weekAgo, cancellationToken);
        var letters = new List<Letter>();
        foreach (var plan in written)
        {
            var round = new RoundOfLetter(plan.Id, plan.Title, names.TryGetValue(plan.HomeLibraryId, out var library) ? library.Name : string.Empty);
            var titles = plan.Things.ToDictionary(t => t.Id, t => t.Title);
            var ofRound = reflections[plan.Id].ToList();
            var reports = ofRound.Where(r => r.ReportedAt > weekAgo).OrderBy(r => r.ReportedAt)
                .Select(r => new DigestLine(r.Name, titles.GetValueOrDefault(r.ThingId, string.Empty))).ToList();
            var awaiting = ofRound.Where(r => r.AcknowledgedAt == null).OrderBy(r => r.ReportedAt)
                .Select(r => new DigestLine(r.Name, titles.GetValueOrDefault(r.ThingId, string.Empty))).ToList();
            var spread = spreads[plan.Id].OrderBy(s => s.ThingsReported).Select(s => (s.ThingsReported, s.People)).ToList();
            var laggards = rule.Of(plan, [.. candidates[plan.Id]], now).Items
                .Where(l => !StaffMember.IsErasedEmail(l.Email)).Select(l => l.Name).ToList();
            letters.AddRange(coordinatorsOf[plan.Id].Where(contacts.ContainsKey).Select(id => contacts[id]).Select(c => new CoordinatorDigestLetter(
                c.Email, c.Name, c.UserId, round, week, spread.Sum(s => s.People), reports, awaiting, laggards, spread)
            {
                Blog = blogWeeks[plan.Id],
            }));
        }

        return letters;
    }

    private sealed record Taking(string Email, string Name, IReadOnlySet<Guid> Reported);
}
