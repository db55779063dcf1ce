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

    public async ValueTask<int> Handle(QueueSurveyNoticesCommand command, CancellationToken cancellationToken)
    {
        var (today, now) = (calendar.Today, calendar.Now);
        var reminderAfter = TimeSpan.FromDays(options.Value.SurveyReminderDays);
        var plans = await rounds.OpenOrClosedSinceAsync(now - WrittenAboutFor, cancellationToken);
        var roundIds = plans.Select(p => p.Id).ToList();
        var surveys = await db.Surveys.AsNoTracking().Where(s => roundIds.Contains(s.RoundId)).ToDictionaryAsync(s => s.RoundId, cancellationToken);
        var names = await libraries.FindManyAsync([.. plans.Select(p => p.HomeLibraryId).Distinct()], cancellationToken);

        var queued = 0;
        foreach (var plan in plans)
        {
            var survey = surveys.GetValueOrDefault(plan.Id);
            var opensOnCompletion = survey?.OpensWhen == SurveyOpening.ParticipantCompleted;
            if ((!plan.IsClosed && !opensOnCompletion) || survey?.ClosesOn < today)
            {
                continue;
            }

            var members = (await participants.MembersAsync(plan.Id, cancellationToken))
                .Where(m => !m.HasWithdrawn && (plan.IsClosed || m.HasCompleted))
                .ToList();
            var answered = survey is null
                ? []
                : (await db.SurveyParticipations.AsNoTracking()
                    .Where(p => p.SurveyId == survey.Id && p.Phase == SurveyPhase.Closing)
                    .Select(p => p.StaffMemberId)
                    .ToListAsync(cancellationToken)).ToHashSet();
            var round = new RoundOfLetter(plan.Id, plan.Title, names.TryGetValue(plan.HomeLibraryId, out var library) ? library.Name : string.Empty);
            var letters = new List<Letter>();
            foreach (var member in members.Where(m => !answered.Contains(m.ParticipantId)))
            {
                var opened = new SurveyOpenLetter(member.Email, member.Name, round, survey?.ClosesOn);
                var openedAt = await outbox.QueuedAtAsync(member.Email, opened.Kind, opened.AboutKey, cancellationToken);
                if (openedAt is null)
                {
                    letters.Add(opened);
                }
                else if (now - openedAt >= reminderAfter)
                {
                    letters.Add(new SurveyReminderLetter(member.Email, member.Name, round, survey?.ClosesOn));
                }
            }

            queued += await outbox.QueueManyAsync(letters, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return queued;
    }
}
