using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Courses.Contracts;
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
}

/// <summary>An enrolment with its member of staff.</summary>
internal sealed class EnrolledStaff
{
    public required Enrolment Enrolment { get; init; }
    public required StaffMember Staff { get; init; }
}
