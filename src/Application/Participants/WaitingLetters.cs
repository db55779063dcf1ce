using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Application.Messaging.Contracts;
using EnSakITaget.Domain.Participants;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Participants;

/// <summary>
/// Letters about a round still waiting in the outbox (a weekly choice holds them until Monday) that
/// a participant who has completed or withdrawn should no longer get: released things, the deadline,
/// nudges, the week of the round's blog, and once withdrawn the survey too. Dropped in the transaction that ends their taking part.
/// </summary>
internal sealed class WaitingLetters(IApplicationDbContext db, IRoundDirectory rounds, IOutbox outbox, CourseCalendar calendar)
{
    /// <param name="enrolment">The enrolment just completed or withdrawn.</param>
    /// <param name="email">The participant's address.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task DropAsync(Enrolment enrolment, string email, CancellationToken cancellationToken)
    {
        if (enrolment.Status is not (EnrolmentStatus.Completed or EnrolmentStatus.Withdrawn))
        {
            return;
        }

        if (!(await rounds.PlansAsync([enrolment.RoundId], cancellationToken)).TryGetValue(enrolment.RoundId, out var plan))
        {
            return;
        }

        var nudgedAt = await db.ProgressEvents.AsNoTracking()
            .Where(e => e.EnrolmentId == enrolment.Id && e.Kind == ProgressEventKind.Nudged)
            .Select(e => e.OccurredAt)
            .ToListAsync(cancellationToken);
        var letters = new List<(string, string, string)>();
        letters.AddRange(plan.Things.Select(t => (email, LetterKinds.ThingReleased, t.Id.ToString())));
        letters.Add((email, LetterKinds.DeadlineApproaching, $"{plan.Id}/{plan.Deadline:yyyy-MM-dd}"));
        // A participant's own request sees no progress events through the scope filter: the last nudge is on the enrolment itself.
        var lastNudge = enrolment.LastNudgedAt is { } last ? [last] : Array.Empty<DateTimeOffset>();
        letters.AddRange(nudgedAt.Concat(lastNudge).Concat(enrolment.Events.Where(e => e.Kind == ProgressEventKind.Nudged).Select(e => e.OccurredAt))
            .Select(at => NudgeLetter.KeyFor(plan.Id, at))
            .Distinct()
            .Select(key => (email, LetterKinds.Nudge, key)));
        letters.Add((email, LetterKinds.RoundBlogWeek, RoundBlogWeekLetter.KeyFor(plan.Id, LetterWeek.Of(calendar.Today))));
        if (enrolment.Status == EnrolmentStatus.Withdrawn)
        {
            letters.Add((email, LetterKinds.SurveyOpen, plan.Id.ToString()));
            letters.Add((email, LetterKinds.SurveyReminder, plan.Id.ToString()));
        }

        await outbox.DropWaitingAsync(letters, cancellationToken);
    }
}
