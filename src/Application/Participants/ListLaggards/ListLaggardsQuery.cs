using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Domain.Participants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Application.Participants.ListLaggards;

/// <summary>
/// Who needs a nudge: participants behind the latest released thing by at least <see cref="BehindBy"/>
/// things, or without a start or report for at least <see cref="InactiveDays"/> days. Unset, both
/// come from configuration.
/// </summary>
/// <param name="BehindBy">Behind the latest released thing by at least this many things; Participants:LaggardBehindBy when left out.</param>
/// <param name="InactiveDays">No start or report for at least this many days; Participants:LaggardInactiveDays when left out.</param>
public sealed record ListLaggardsQuery(Guid RoundId, int? BehindBy = null, int? InactiveDays = null) : IQuery<LaggardsDto>;

public sealed record LaggardsDto(Guid RoundId, int BehindBy, int InactiveDays, int LatestReleased, IReadOnlyList<LaggardDto> Items);

/// <param name="Behind">Released things not yet reported.</param>
/// <param name="InactiveSince">The last start or report, or when the round's first thing came out for someone who never began.</param>
/// <param name="Reasons">"Behind", "Inactive", or both.</param>
/// <param name="Nudgeable">Whether a nudge now would be taken: never in a closed round, nor soon after the last nudge.</param>
/// <param name="NudgeableFrom">When a recent nudge holds the next one back, the moment it may come.</param>
public sealed record LaggardDto(
    Guid ParticipantId, string Name, string Email, Guid UnitId, bool IsManager, EnrolmentStatus Status, int ThingsReported, int Behind,
    DateTimeOffset InactiveSince, int InactiveDays, DateTimeOffset? LastNudgedAt, int NudgeCount, IReadOnlyList<string> Reasons,
    bool Nudgeable, DateTimeOffset? NudgeableFrom);

internal sealed class ListLaggardsQueryValidator : AbstractValidator<ListLaggardsQuery>
{
    public ListLaggardsQueryValidator()
    {
        RuleFor(q => q.BehindBy).InclusiveBetween(1, 1000);
        RuleFor(q => q.InactiveDays).InclusiveBetween(1, 3650);
    }
}

internal sealed class ListLaggardsQueryHandler(
    IApplicationDbContext db, IRoundDirectory rounds, ILibraryDirectory libraries, TimeProvider time, IOptions<FollowUpOptions> options)
    : IQueryHandler<ListLaggardsQuery, LaggardsDto>
{
    public async ValueTask<LaggardsDto> Handle(ListLaggardsQuery query, CancellationToken cancellationToken)
    {
        var round = await rounds.LoadPlanAsync(query.RoundId, cancellationToken);
        var rule = new LaggardRule(query.BehindBy ?? options.Value.LaggardBehindBy, query.InactiveDays ?? options.Value.LaggardInactiveDays,
            TimeSpan.FromDays(options.Value.NudgeIntervalDays));
        if (!round.Things.Any(t => t.ReleasedAt is not null))
        {
            return rule.Of(round, [], time.GetUtcNow());
        }

        var participants = await db.ParticipantsOf(round.Id, unitId: null, status: null, libraries, cancellationToken);
        var candidates = await participants
            .Where(x => x.Enrolment.Status == EnrolmentStatus.Invited || x.Enrolment.Status == EnrolmentStatus.Active)
            .OrderBy(x => x.Staff.Name).ThenBy(x => x.Staff.Id)
            .ToListAsync(cancellationToken);
        return rule.Of(round, [.. candidates.Select(c => (c.Enrolment, c.Staff))], time.GetUtcNow());
    }
}

/// <summary>Who of a round's invited and active participants is a laggard, and why: one rule for the list and the weekly digest.</summary>
internal sealed record LaggardRule(int BehindBy, int InactiveDays, TimeSpan NudgeInterval)
{
    /// <param name="candidates">The round's invited and active participants, in the order the laggards are listed (by name).</param>
    public LaggardsDto Of(RoundPlan round, IReadOnlyList<(Enrolment Enrolment, StaffMember Staff)> candidates, DateTimeOffset now)
    {
        var released = round.Things.Where(t => t.ReleasedAt is not null).ToList();
        var latest = released.LastOrDefault()?.Position ?? 0;
        if (released.Count == 0)
        {
            return new LaggardsDto(round.Id, BehindBy, InactiveDays, latest, []);
        }

        var firstRelease = released.Min(t => t.ReleasedAt!.Value);
        var laggards = new List<LaggardDto>();
        foreach (var (enrolment, staff) in candidates)
        {
            var behind = released.Count - enrolment.ThingsReported;
            var since = Later(enrolment.LastActivityAt ?? enrolment.InvitedAt, firstRelease);
            var idle = (int)Math.Floor((now - since).TotalDays);
            var reasons = new List<string>();
            if (behind >= BehindBy)
            {
                reasons.Add("Behind");
            }

            if (idle >= InactiveDays)
            {
                reasons.Add("Inactive");
            }

            if (reasons.Count > 0)
            {
                var heldBackUntil = round.IsClosed ? null : enrolment.NudgeHeldBackUntil(NudgeInterval, now);
                laggards.Add(new LaggardDto(
                    staff.Id, staff.Name, staff.Email, staff.UnitId, staff.IsManager, enrolment.Status, enrolment.ThingsReported, Math.Max(behind, 0),
                    since, idle, enrolment.LastNudgedAt, enrolment.NudgeCount, reasons,
                    Nudgeable: !round.IsClosed && heldBackUntil is null, NudgeableFrom: heldBackUntil));
            }
        }

        return new LaggardsDto(round.Id, BehindBy, InactiveDays, latest, laggards);
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
