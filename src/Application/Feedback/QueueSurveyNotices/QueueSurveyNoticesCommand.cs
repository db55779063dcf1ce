using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Application.Messaging.Contracts;
using EnSakITaget.Application.Participants.Contracts;
using EnSakITaget.Domain.Feedback;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Application.Feedback.QueueSurveyNotices;

/// <summary>
/// What the notice scheduler runs, as the system: a letter to each participant the closing survey
/// has opened to, and one reminder <c>Feedback:SurveyReminderDays</c> after it to those who have not
/// answered. Who has answered comes from <see cref="SurveyParticipation"/>, which the system alone
/// reads here; the letters go only to the outbox, which coordinators cannot see.
/// </summary>
public sealed record QueueSurveyNoticesCommand : IRequest<int>;

internal sealed class QueueSurveyNoticesCommandHandler(
    IApplicationDbContext db, IRoundDirectory rounds, IParticipantDirectory participants, ILibraryDirectory libraries, IOutbox outbox,
    CourseCalendar calendar, IOptions<FeedbackOptions> options)
    : IRequestHandler<QueueSurveyNoticesCommand, int>
{
    /// <summary>A survey is written about until this long after its round closed.</summary>
    private static readonly TimeSpan WrittenAboutFor = TimeSpan.FromDays(60);

    /// <summary>How many rounds are read at once.</summary>
    private const int RoundBatch = 100;

    public async ValueTask<int> Handle(QueueSurveyNoticesCommand command, CancellationToken cancellationToken)
    {
        var (today, now) = (calendar.Today, calendar.Now);
        var reminderAfter = TimeSpan.FromDays(options.Value.SurveyReminderDays);
        // Only the rounds it can be about: closed lately, or open with a survey that opens to each who completes.
        var closed = await rounds.ClosedRoundIdsSinceAsync(now - WrittenAboutFor, cancellationToken);
        var openingOnCompletion = await db.Surveys.AsNoTracking()
            .Where(s => s.OpensWhen == SurveyOpening.ParticipantCompleted && (s.ClosesOn == null || s.ClosesOn >= today))
            .Select(s => s.RoundId)
            .ToListAsync(cancellationToken);

        var queued = 0;
        foreach (var batch in closed.Union(openingOnCompletion).Chunk(RoundBatch))
        {
            var plans = (await rounds.PlansAsync(batch, cancellationToken)).Values.Where(p => p.IsOpen || p.IsClosed).ToList();
            var roundIds = plans.Select(p => p.Id).ToList();
            var surveys = await db.Surveys.AsNoTracking().Where(s => roundIds.Contains(s.RoundId)).ToDictionaryAsync(s => s.RoundId, cancellationToken);
            var surveyIds = surveys.Values.Select(s => s.Id).ToList();
            var answered = (await db.SurveyParticipations.AsNoTracking()
                    .Where(p => surveyIds.Contains(p.SurveyId) && p.Phase == SurveyPhase.Closing)
                    .Select(p => new { p.SurveyId, p.StaffMemberId })
                    .ToListAsync(cancellationToken))
                .Select(p => (p.SurveyId, p.StaffMemberId))
                .ToHashSet();
            var names = await libraries.FindManyAsync([.. plans.Select(p => p.HomeLibraryId).Distinct()], cancellationToken);
            var letters = new List<Letter>();
            foreach (var plan in plans)
            {
                var survey = surveys.GetValueOrDefault(plan.Id);
                var opensOnCompletion = survey?.OpensWhen == SurveyOpening.ParticipantCompleted;
                if ((!plan.IsClosed && !opensOnCompletion) || survey?.ClosesOn < today)
                {
                    continue;
                }

                var round = new RoundOfLetter(plan.Id, plan.Title, names.TryGetValue(plan.HomeLibraryId, out var library) ? library.Name : string.Empty);
                var opened = (await participants.MembersAsync(plan.Id, cancellationToken))
                    .Where(m => !m.HasWithdrawn && (plan.IsClosed || m.HasCompleted) && !m.IsErased)
                    .Where(m => survey is null || !answered.Contains((survey.Id, m.ParticipantId)))
                    .Select(m => new SurveyOpenLetter(m.Email, m.Name, round, survey?.ClosesOn))
                    .ToList();
                var openedAt = await outbox.QueuedAtAsync([.. opened.Select(l => (l.To, l.Kind, l.AboutKey))], cancellationToken);
                for (var i = 0; i < opened.Count; i++)
                {
                    if (openedAt[i] is not { } at)
                    {
                        letters.Add(opened[i]);
                    }
                    else if (now - at >= reminderAfter)
                    {
                        letters.Add(new SurveyReminderLetter(opened[i].To, opened[i].RecipientName, round, survey?.ClosesOn));
                    }
                }
            }

            queued += await outbox.QueueManyAsync(letters, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.DiscardChanges();
        }

        return queued;
    }
}
