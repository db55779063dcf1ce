using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Domain.Participants;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Participants;

public sealed record EnrolmentDto(
    Guid ParticipantId, string Name, string Email, Guid UnitId, bool IsManager, bool IsPilot, EnrolmentStatus Status,
    bool AttendedKickOff, DateTimeOffset InvitedAt, DateTimeOffset? ActivatedAt, DateTimeOffset? CompletedAt, DateTimeOffset? WithdrawnAt);

internal static class EnrolmentLoading
{
    /// <summary>A round the caller may see, with its things.</summary>
    public static async Task<RoundPlan> LoadPlanAsync(this IRoundDirectory rounds, Guid roundId, CancellationToken cancellationToken) =>
        await rounds.FindPlanAsync(roundId, cancellationToken) ?? throw new NotFoundException("Round", roundId);

    public static PlannedThing LoadThing(this RoundPlan round, Guid thingId) =>
        round.Thing(thingId) ?? throw new NotFoundException("Thing", thingId);

    public static async Task<Enrolment> LoadEnrolmentWithProgressAsync(
        this IApplicationDbContext db, Guid roundId, Guid participantId, CancellationToken cancellationToken) =>
        await db.Enrolments.Include(e => e.Progress).FirstOrDefaultAsync(e => e.RoundId == roundId && e.StaffMemberId == participantId, cancellationToken)
        ?? throw new NotFoundException("Enrolment of participant", participantId);

    public static async Task<Enrolment> LoadEnrolmentAsync(this IApplicationDbContext db, Guid roundId, Guid participantId, CancellationToken cancellationToken) =>
        await db.Enrolments.FirstOrDefaultAsync(e => e.RoundId == roundId && e.StaffMemberId == participantId, cancellationToken)
        ?? throw new NotFoundException("Enrolment of participant", participantId);

    /// <summary>
    /// The round's participants by name, pilots from other libraries included: whoever runs the
    /// round sees who takes part in it.
    /// </summary>
    public static IQueryable<EnrolmentDto> WithParticipantsByName(this IQueryable<Enrolment> enrolments, IApplicationDbContext db) =>
        enrolments
            .Join(db.StaffMembers.IgnoreQueryFilters(), e => e.StaffMemberId, s => s.Id, (e, s) => new { e, s })
            .OrderBy(x => x.s.Name).ThenBy(x => x.s.Id)
            .Select(x => new EnrolmentDto(
                x.s.Id, x.s.Name, x.s.Email, x.s.UnitId, x.s.IsManager, x.e.IsPilot, x.e.Status,
                x.e.AttendedKickOff, x.e.InvitedAt, x.e.ActivatedAt, x.e.CompletedAt, x.e.WithdrawnAt));
}

/// <summary>An enrolment with its member of staff.</summary>
internal sealed class EnrolledStaff
{
    public required Enrolment Enrolment { get; init; }
    public required StaffMember Staff { get; init; }
}

internal static class RoundParticipants
{
    /// <summary>
    /// The enrolments of a round the caller runs, with their staff (pilots of other libraries
    /// included), optionally only those working at a library or under it.
    /// </summary>
    public static async Task<IQueryable<EnrolledStaff>> ParticipantsOf(
        this IApplicationDbContext db, Guid roundId, Guid? unitId, EnrolmentStatus? status, ILibraryDirectory libraries,
        CancellationToken cancellationToken)
    {
        var enrolments = db.Enrolments.AsNoTracking().Where(e => e.RoundId == roundId);
        if (status is { } wanted)
        {
            enrolments = enrolments.Where(e => e.Status == wanted);
        }

        var staff = db.StaffMembers.IgnoreQueryFilters().AsNoTracking();
        if (unitId is { } unit)
        {
            var units = (await libraries.SubtreeIdsAsync(unit, cancellationToken)).ToArray();
            staff = staff.Where(s => units.Contains(s.UnitId));
        }

        return enrolments.Join(staff, e => e.StaffMemberId, s => s.Id, (e, s) => new EnrolledStaff { Enrolment = e, Staff = s });
    }
}
