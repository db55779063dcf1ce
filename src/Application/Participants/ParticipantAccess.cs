using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Application.Participants.Contracts;
using EnSakITaget.Domain.Participants;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Participants;

/// <summary>
/// Who the caller is as a participant, and which rounds they may act in as one.
/// <para>
/// An account is linked to the staff record with the same e-mail at a library where the account
/// holds a role: the roster and the accounts are kept by the same coordinators, and both are
/// matched on e-mail. The library condition keeps a roster of one municipality from claiming an
/// account of another.
/// </para>
/// <para>
/// A participant's right to a round is their enrolment in it, not the library scope: a pilot
/// from another municipality takes part in a round their scope does not include. So every query
/// here passes the scope filters by and is bound to the caller's own staff record instead.
/// </para>
/// </summary>
internal sealed class ParticipantAccess(IApplicationDbContext db, ICurrentUser caller, IRoundDirectory rounds) : IParticipantDirectory
{
    public Actor Actor => caller.AsActor();

    public async Task<Guid?> OwnParticipantIdAsync(CancellationToken cancellationToken) =>
        (await OwnStaffRecordAsync(cancellationToken))?.Id;

    public async Task<OwnEnrolment?> OwnEnrolmentAsync(Guid roundId, CancellationToken cancellationToken)
    {
        if (await OwnStaffRecordAsync(cancellationToken) is not { } member)
        {
            return null;
        }

        return await db.Enrolments.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.RoundId == roundId && e.StaffMemberId == member.Id)
            .Select(e => new OwnEnrolment(
                e.StaffMemberId, e.Status == EnrolmentStatus.Completed, e.Status == EnrolmentStatus.Withdrawn, e.ThingsReported))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<RoundTurnout> TurnoutAsync(Guid roundId, CancellationToken cancellationToken)
    {
        var counts = await db.Enrolments.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.RoundId == roundId && e.Status != EnrolmentStatus.Withdrawn)
            .GroupBy(e => e.Status == EnrolmentStatus.Completed)
            .Select(g => new { Completed = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new RoundTurnout(counts.Sum(c => c.Count), counts.Where(c => c.Completed).Sum(c => c.Count));
    }

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> staffMemberIds, CancellationToken cancellationToken)
    {
        var ids = staffMemberIds.Distinct().ToArray();
        return await db.StaffMembers.IgnoreQueryFilters().AsNoTracking()
            .Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
    }

    public async Task<StaffMember?> OwnStaffRecordAsync(CancellationToken cancellationToken)
    {
        if (caller.UserId is null || string.IsNullOrWhiteSpace(caller.Email))
        {
            return null;
        }

        var email = StaffDetails.NormaliseEmail(caller.Email);
        var member = await db.StaffMembers.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.Email == email, cancellationToken);
        return member is not null && caller.Grants.Any(g => g.Covers(member.UnitId)) ? member : null;
    }

    /// <summary>The caller's own enrolment in a round, with its progress, tracked for a change.</summary>
    /// <exception cref="NotFoundException">The caller takes no part in the round.</exception>
    public async Task<(RoundPlan Round, Enrolment Enrolment, StaffMember Member)> LoadOwnEnrolmentAsync(Guid roundId, CancellationToken cancellationToken)
    {
        var member = await OwnStaffRecordAsync(cancellationToken) ?? throw NotEnrolled(roundId);
        var enrolment = await db.Enrolments.IgnoreQueryFilters()
            .Include(e => e.Progress)
            .FirstOrDefaultAsync(e => e.RoundId == roundId && e.StaffMemberId == member.Id, cancellationToken)
            ?? throw NotEnrolled(roundId);
        var plans = await rounds.PlansAsync([roundId], cancellationToken);
        return (plans[roundId], enrolment, member);
    }

    /// <summary>
    /// A round the caller either runs (a staff role over its home library) or takes part in; the
    /// participant's own staff id when they take part, null when they run it.
    /// </summary>
    public async Task<(RoundPlan Round, Guid? OwnParticipantId)> RunOrTakePartAsync(Guid roundId, CancellationToken cancellationToken)
    {
        var plans = await rounds.PlansAsync([roundId], cancellationToken);
        if (!plans.TryGetValue(roundId, out var round))
        {
            throw new NotFoundException("Round", roundId);
        }

        if (caller.RunsTrainingAt(round.HomeLibraryId))
        {
            return (round, null);
        }

        var member = await OwnStaffRecordAsync(cancellationToken);
        var enrolled = member is not null && await db.Enrolments.IgnoreQueryFilters()
            .AnyAsync(e => e.RoundId == roundId && e.StaffMemberId == member.Id && e.Status != EnrolmentStatus.Withdrawn, cancellationToken);
        return enrolled ? (round, member!.Id) : throw new NotFoundException("Round", roundId);
    }

    public static RoundTerms TermsOf(RoundPlan round) => new(round.IsOpen, round.IsClosed, round.WorkAheadAllowed, round.Things.Count);

    public static ThingTerms TermsOf(PlannedThing thing) => new(thing.Id, thing.Position, thing.Title, thing.ReleasedAt, thing.PlannedDate);

    private static NotFoundException NotEnrolled(Guid roundId) =>
        new(message: $"You take part in no round {roundId}: your account is linked to no member of staff enrolled in it.");
}

internal static class ActorExtensions
{
    public static Actor AsActor(this ICurrentUser caller) => new(caller.UserId, caller.Name);
}
