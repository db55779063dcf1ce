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
/// here passes the scope filters by (through <see cref="ParticipantsAcrossLibraries"/>) and is
/// bound to the caller's own staff record instead.
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

        return await db.EnrolmentFiguresAsync(roundId, member.Id, cancellationToken);
    }

    public Task<RoundTurnout> TurnoutAsync(Guid roundId, CancellationToken cancellationToken) =>
        db.TurnoutAsync(roundId, cancellationToken);

    public Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> staffMemberIds, CancellationToken cancellationToken) =>
        db.StaffNamesAsync(staffMemberIds, cancellationToken);

    public async Task<IReadOnlyList<RoundMember>> MembersAsync(Guid roundId, CancellationToken cancellationToken) =>
        [.. (await db.Enrolments.AsNoTracking()
                .Where(e => e.RoundId == roundId)
                .Join(db.StaffMembers.AsNoTracking(), e => e.StaffMemberId, s => s.Id, (e, s) => new
                {
                    s.Id, s.Email, s.Name, HasCompleted = e.Status == EnrolmentStatus.Completed,
                    HasWithdrawn = e.Status == EnrolmentStatus.Withdrawn || s.LeftOn != null, e.ThingsReported,
                })
                .ToListAsync(cancellationToken))
            .Select(m => new RoundMember(m.Id, m.Email, m.Name, m.HasCompleted, m.HasWithdrawn, m.ThingsReported, StaffMember.IsErasedEmail(m.Email)))];

    public async Task<OwnReflection?> OwnReflectionAsync(Guid roundId, Guid thingId, CancellationToken cancellationToken) =>
        await OwnStaffRecordAsync(cancellationToken) is { } member
            ? await db.ReflectionOfAsync(roundId, member.Id, thingId, cancellationToken)
            : null;

    public Task<IReadOnlyDictionary<Guid, StaffContact>> ContactsAsync(IReadOnlyCollection<Guid> staffMemberIds, CancellationToken cancellationToken) =>
        db.StaffContactsAsync(staffMemberIds, cancellationToken);

    public async Task<IReadOnlySet<Guid>> VisibleCurrentStaffAsync(IReadOnlyCollection<Guid> staffMemberIds, CancellationToken cancellationToken)
    {
        var ids = staffMemberIds.Distinct().ToArray();
        return (await db.StaffMembers.AsNoTracking().Where(s => ids.Contains(s.Id) && s.LeftOn == null).Select(s => s.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
    }

    public async Task<StaffMember?> OwnStaffRecordAsync(CancellationToken cancellationToken)
    {
        if (caller.UserId is null || string.IsNullOrWhiteSpace(caller.Email))
        {
            return null;
        }

        var email = StaffDetails.NormaliseEmail(caller.Email);
        var member = await db.StaffRecordWithEmailAsync(email, cancellationToken);
        return member is not null && caller.Grants.Any(g => g.Covers(member.UnitId)) ? member : null;
    }

    /// <summary>The caller's own enrolment in a round, with its progress, tracked for a change.</summary>
    /// <exception cref="NotFoundException">The caller takes no part in the round.</exception>
    public async Task<(RoundPlan Round, Enrolment Enrolment, StaffMember Member)> LoadOwnEnrolmentAsync(Guid roundId, CancellationToken cancellationToken)
    {
        var member = await OwnStaffRecordAsync(cancellationToken) ?? throw NotEnrolled(roundId);
        var enrolment = await db.EnrolmentForChangeAsync(roundId, member.Id, cancellationToken) ?? throw NotEnrolled(roundId);
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
        var enrolled = member is not null && await db.TakesPartAsync(roundId, member.Id, cancellationToken);
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
