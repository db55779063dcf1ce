using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Application.Participants.Contracts;
using EnSakITaget.Domain.Participants;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Participants;

/// <summary>
/// The Participants module's reads that pass the library scope by, because people cross library
/// lines: a pilot from another municipality takes part in a round their scope does not hold; a
/// participant's own enrolments lie wherever their rounds are; whoever runs a round sees all who
/// take part in it; a person who leaves or is deleted has enrolments everywhere; and an e-mail is
/// one person in the whole instance.
/// <para>
/// Every read is bound to one round, one member of staff, one unit or a given list of e-mails,
/// which the caller has already been allowed to reach; none lists what lies outside the scope.
/// </para>
/// </summary>
internal static class ParticipantsAcrossLibraries
{
    /// <summary>The staff record registered with an e-mail, in any library (untracked): whether it is the caller's is theirs to judge.</summary>
    public static Task<StaffMember?> StaffRecordWithEmailAsync(this IApplicationDbContext db, string normalisedEmail, CancellationToken cancellationToken) =>
        db.StaffMembers.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.Email == normalisedEmail, cancellationToken);

    /// <summary>Whether an e-mail is registered to another member of staff anywhere.</summary>
    public static Task<bool> IsEmailRegisteredAsync(this IApplicationDbContext db, string normalisedEmail, Guid? exceptId, CancellationToken cancellationToken) =>
        db.StaffMembers.IgnoreQueryFilters().AnyAsync(s => s.Email == normalisedEmail && s.Id != exceptId, cancellationToken);

    /// <summary>The members of staff with these e-mails, wherever registered, tracked: an import updates those in scope and refuses the others.</summary>
    public static async Task<Dictionary<string, StaffMember>> StaffWithEmailsAsync(
        this IApplicationDbContext db, IReadOnlyCollection<string> normalisedEmails, CancellationToken cancellationToken)
    {
        var emails = normalisedEmails.ToArray();
        return (await db.StaffMembers.IgnoreQueryFilters().Where(s => emails.Contains(s.Email)).ToListAsync(cancellationToken))
            .ToDictionary(s => s.Email);
    }

    /// <summary>
    /// The staff records of people taking part in a round, wherever they work (pilots too), who
    /// have not left, untracked: their enrolment in the caller's round is what lets them be named.
    /// </summary>
    public static Task<List<StaffMember>> RoundParticipantsStillEmployedAsync(
        this IApplicationDbContext db, IReadOnlyCollection<Guid> enrolledStaffIds, CancellationToken cancellationToken)
    {
        var ids = enrolledStaffIds.ToArray();
        return db.StaffMembers.IgnoreQueryFilters().AsNoTracking()
            .Where(s => ids.Contains(s.Id) && s.LeftOn == null)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The staff record behind an enrolment the caller may act on, wherever the person works (a pilot's lies elsewhere), untracked.</summary>
    public static Task<StaffMember> StaffRecordOfEnrolledAsync(this IApplicationDbContext db, Guid enrolledStaffId, CancellationToken cancellationToken) =>
        db.StaffMembers.IgnoreQueryFilters().AsNoTracking().FirstAsync(s => s.Id == enrolledStaffId, cancellationToken);

    /// <summary>The names of members of staff, wherever they work: a survey that is not anonymous names its respondents.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> StaffNamesAsync(
        this IApplicationDbContext db, IReadOnlyCollection<Guid> staffMemberIds, CancellationToken cancellationToken)
    {
        var ids = staffMemberIds.Distinct().ToArray();
        return await db.StaffMembers.IgnoreQueryFilters().AsNoTracking()
            .Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
    }

    /// <summary>A member of staff's reported reflection on a thing of a round, in whoever's scope the round lies: theirs to publish on the round's blog.</summary>
    public static Task<OwnReflection?> ReflectionOfAsync(this IApplicationDbContext db, Guid roundId, Guid staffMemberId, Guid thingId, CancellationToken cancellationToken) =>
        db.ThingProgress.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.RoundId == roundId && p.ThingId == thingId && p.Status == ThingProgressStatus.Reported
                && db.Enrolments.IgnoreQueryFilters().Any(e => e.Id == p.EnrolmentId && e.StaffMemberId == staffMemberId))
            .Select(p => new OwnReflection(p.ReflectionText, p.ReflectionLink))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Name and e-mail of members of staff who have not left, wherever they work: a blog-duty reminder goes to each on their week.</summary>
    public static async Task<IReadOnlyDictionary<Guid, StaffContact>> StaffContactsAsync(
        this IApplicationDbContext db, IReadOnlyCollection<Guid> staffMemberIds, CancellationToken cancellationToken)
    {
        var ids = staffMemberIds.Distinct().ToArray();
        return await db.StaffMembers.IgnoreQueryFilters().AsNoTracking()
            .Where(s => ids.Contains(s.Id) && s.LeftOn == null)
            .ToDictionaryAsync(s => s.Id, s => new StaffContact(s.Id, s.Name, s.Email, s.UnitId), cancellationToken);
    }

    /// <summary>How many members of staff are registered at a unit, whoever asks: they keep it from being deleted.</summary>
    public static Task<int> StaffCountAtAsync(this IApplicationDbContext db, Guid unitId, CancellationToken cancellationToken) =>
        db.StaffMembers.IgnoreQueryFilters().CountAsync(s => s.UnitId == unitId, cancellationToken);

    /// <summary>The managers on the roster (who have not left) of these units, the home library's of a round the caller runs.</summary>
    public static async Task<List<StaffMember>> ManagersOnRosterAsync(
        this IApplicationDbContext db, IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken)
    {
        var units = unitIds.ToArray();
        return await db.StaffMembers.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.IsManager && s.LeftOn == null && units.Contains(s.UnitId))
            .ToListAsync(cancellationToken);
    }

    /// <summary>A member of staff's enrolment in a round, in whoever's scope the round lies, as the participant sees it.</summary>
    public static Task<OwnEnrolment?> EnrolmentFiguresAsync(this IApplicationDbContext db, Guid roundId, Guid staffMemberId, CancellationToken cancellationToken) =>
        db.Enrolments.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.RoundId == roundId && e.StaffMemberId == staffMemberId)
            .Select(e => new OwnEnrolment(
                e.StaffMemberId, e.Status == EnrolmentStatus.Completed, e.Status == EnrolmentStatus.Withdrawn, e.ThingsReported))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>A member of staff's enrolment in a round, with its progress, tracked for a change, in whoever's scope the round lies.</summary>
    public static Task<Enrolment?> EnrolmentForChangeAsync(this IApplicationDbContext db, Guid roundId, Guid staffMemberId, CancellationToken cancellationToken) =>
        db.Enrolments.IgnoreQueryFilters()
            .Include(e => e.Progress)
            .FirstOrDefaultAsync(e => e.RoundId == roundId && e.StaffMemberId == staffMemberId, cancellationToken);

    /// <summary>Whether a member of staff is enrolled in a round, withdrawn or not.</summary>
    public static Task<bool> IsEnrolledAsync(this IApplicationDbContext db, Guid roundId, Guid staffMemberId, CancellationToken cancellationToken) =>
        db.Enrolments.IgnoreQueryFilters().AnyAsync(e => e.RoundId == roundId && e.StaffMemberId == staffMemberId, cancellationToken);

    /// <summary>Whether a member of staff takes part in a round: enrolled and not withdrawn.</summary>
    public static Task<bool> TakesPartAsync(this IApplicationDbContext db, Guid roundId, Guid staffMemberId, CancellationToken cancellationToken) =>
        db.Enrolments.IgnoreQueryFilters()
            .AnyAsync(e => e.RoundId == roundId && e.StaffMemberId == staffMemberId && e.Status != EnrolmentStatus.Withdrawn, cancellationToken);

    /// <summary>How many take part in a round (not withdrawn), and how many have completed it, pilots included.</summary>
    public static async Task<RoundTurnout> TurnoutAsync(this IApplicationDbContext db, Guid roundId, CancellationToken cancellationToken)
    {
        var counts = await db.Enrolments.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.RoundId == roundId && e.Status != EnrolmentStatus.Withdrawn)
            .GroupBy(e => e.Status == EnrolmentStatus.Completed)
            .Select(g => new { Completed = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new RoundTurnout(counts.Sum(c => c.Count), counts.Where(c => c.Completed).Sum(c => c.Count));
    }

    /// <summary>How many enrolments a member of staff has in every round, a pilot's in another municipality too: each keeps the history.</summary>
    public static Task<int> EnrolmentCountOfAsync(this IApplicationDbContext db, Guid staffMemberId, CancellationToken cancellationToken) =>
        db.Enrolments.IgnoreQueryFilters().CountAsync(e => e.StaffMemberId == staffMemberId, cancellationToken);

    /// <summary>A member of staff's enrolments in every round, tracked for a change: leaving ends them all.</summary>
    public static Task<List<Enrolment>> EnrolmentsOfForChangeAsync(this IApplicationDbContext db, Guid staffMemberId, CancellationToken cancellationToken) =>
        db.Enrolments.IgnoreQueryFilters().Where(e => e.StaffMemberId == staffMemberId).ToListAsync(cancellationToken);

    /// <summary>A page of a member of staff's own enrolments with their progress, the latest first, and how many there are.</summary>
    public static async Task<(int Total, List<Enrolment> Page)> OwnEnrolmentsAsync(
        this IApplicationDbContext db, Guid staffMemberId, IPagedQuery page, CancellationToken cancellationToken)
    {
        var mine = db.Enrolments.IgnoreQueryFilters().AsNoTracking().Where(e => e.StaffMemberId == staffMemberId);
        var total = await mine.CountAsync(cancellationToken);
        var enrolments = await mine.Include(e => e.Progress)
            .OrderByDescending(e => e.Id)
            .Skip((page.Page - 1) * page.PageSize).Take(page.PageSize)
            .ToListAsync(cancellationToken);
        return (total, enrolments);
    }

    /// <summary>A page of one participant's dated changes in a round, oldest first.</summary>
    public static Task<PagedList<ProgressEventDto>> EnrolmentHistoryAsync(
        this IApplicationDbContext db, Guid roundId, Guid staffMemberId, IPagedQuery page, CancellationToken cancellationToken) =>
        db.ProgressEvents.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.RoundId == roundId && e.StaffMemberId == staffMemberId)
            .OrderBy(e => e.Id)
            .Select(e => new ProgressEventDto(e.Id, e.Kind, e.OccurredAt, e.ActorName, e.ThingId, e.ThingPosition, e.Note, e.Link))
            .ToPagedListAsync(page, cancellationToken);

    /// <summary>A page of the reflections reported in a round (optionally on one thing) by those who take part, by thing and name.</summary>
    public static Task<PagedList<RoundReflectionDto>> RoundReflectionsAsync(
        this IApplicationDbContext db, Guid roundId, Guid? thingId, IPagedQuery page, CancellationToken cancellationToken)
    {
        var progress = db.ThingProgress.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.RoundId == roundId && p.Status == ThingProgressStatus.Reported);
        if (thingId is { } thing)
        {
            progress = progress.Where(p => p.ThingId == thing);
        }

        var enrolments = db.Enrolments.IgnoreQueryFilters().Where(e => e.RoundId == roundId && e.Status != EnrolmentStatus.Withdrawn);
        return progress
            .Join(enrolments, p => p.EnrolmentId, e => e.Id, (p, e) => new { p, e.StaffMemberId })
            .Join(db.StaffMembers.IgnoreQueryFilters(), x => x.StaffMemberId, s => s.Id, (x, s) => new { x.p, s })
            .OrderBy(x => x.p.Position).ThenBy(x => x.s.Name).ThenBy(x => x.s.Id)
            .Select(x => new RoundReflectionDto(
                x.s.Id, x.s.Name, x.p.ThingId, x.p.Position, x.p.ReflectionText, x.p.ReflectionLink, x.p.ReportedAt!.Value,
                x.p.AcknowledgedAt, x.p.AcknowledgedBy, x.p.AcknowledgementComment))
            .ToPagedListAsync(page, cancellationToken);
    }

    /// <summary>
    /// The given enrolments (of a round the caller runs, read in scope) with their participants by
    /// name, pilots from other libraries included: whoever runs the round sees who takes part in it.
    /// </summary>
    public static IQueryable<EnrolmentDto> WithParticipantsByName(this IQueryable<Enrolment> enrolments, IApplicationDbContext db) =>
        enrolments
            .Join(db.StaffMembers.IgnoreQueryFilters(), e => e.StaffMemberId, s => s.Id, (e, s) => new { e, s })
            .OrderBy(x => x.s.Name).ThenBy(x => x.s.Id)
            .Select(x => new EnrolmentDto(
                x.s.Id, x.s.Name, x.s.Email, x.s.UnitId, x.s.IsManager, x.e.IsPilot, x.e.Status,
                x.e.AttendedKickOff, x.e.InvitedAt, x.e.ActivatedAt, x.e.CompletedAt, x.e.WithdrawnAt));

    /// <summary>
    /// The enrolments of a round the caller runs (read in scope), with their staff (pilots of other
    /// libraries included), optionally only those working at a library or under it.
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
