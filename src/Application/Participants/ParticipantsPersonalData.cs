using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Privacy.Contracts;
using EnSakITaget.Domain.Participants;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Participants;

/// <summary>
/// The Participants module's part in export and erasure: the staff record, the enrolments with
/// their progress and reflections, and the history (reflection revisions, nudges, acknowledgements).
/// <para>
/// It reads past the library scope, bound to one member of staff (or the actor names of one
/// person) whom the caller was already allowed to reach: a pilot's enrolments lie in rounds of
/// other municipalities, and they are the person's data all the same.
/// </para>
/// </summary>
internal sealed class ParticipantsPersonalData(IApplicationDbContext db, TimeProvider time) : IPersonalDataSource
{
    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        if (subject.StaffMemberId is not { } staffId)
        {
            return [];
        }

        var member = await db.StaffMembers.IgnoreQueryFilters().AsNoTracking().FirstAsync(s => s.Id == staffId, cancellationToken);
        var enrolments = await db.Enrolments.IgnoreQueryFilters().AsNoTracking()
            .Include(e => e.Progress).Where(e => e.StaffMemberId == staffId).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var events = await db.ProgressEvents.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.StaffMemberId == staffId).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var reflections = enrolments.SelectMany(e => e.Progress.Where(p => p.Status == ThingProgressStatus.Reported)).ToList();
        var nudges = events.Where(e => e.Kind == ProgressEventKind.Nudged).ToList();

        return
        [
            new("staffRecord", 1,
                "Personposten: namn, e-post, enhet, titel och om personen är chef, från bibliotekets personallista.",
                "The staff record: name, e-mail, unit, title and whether a manager, from the library's roster.",
                [member.ToDto()]),
            new("enrolments", enrolments.Count,
                "Anmälningar till omgångar, med status och hur långt personen har kommit i varje sak.",
                "Enrolments in rounds, with their status and the progress on each thing.",
                [.. enrolments.Select(e => (object)new
                {
                    e.Id, e.RoundId, e.RoundLibraryId, e.IsPilot, e.Status, e.AttendedKickOff, e.InvitedAt, e.ActivatedAt,
                    e.CompletedAt, e.WithdrawnAt, e.ThingsReported, e.LastActivityAt, e.LastNudgedAt, e.NudgeCount,
                    Progress = e.Progress.OrderBy(p => p.Position).Select(p => new
                    {
                        p.ThingId, p.Position, p.Status, p.StartedAt, p.ReportedAt,
                        p.ReflectionText, p.ReflectionLink, p.AcknowledgedAt, p.AcknowledgedBy, p.AcknowledgementComment,
                    }),
                })]),
            new("reflections", reflections.Count,
                "Reflektioner: det personen skrev när hen redovisade en sak, och samordnarens kvittens.",
                "Reflections: what the person wrote when reporting a thing, and the coordinator's acknowledgement.",
                [.. reflections.Select(p => (object)new { p.RoundId, p.ThingId, p.Position, p.ReportedAt, p.ReflectionText, p.ReflectionLink })]),
            new("history", events.Count,
                "Historiken: varje daterad händelse i personens anmälningar, med tidigare versioner av reflektionerna.",
                "The history: every dated change of the person's enrolments, earlier versions of the reflections included.",
                [.. events.Select(e => (object)new ProgressEventDto(e.Id, e.Kind, e.OccurredAt, e.ActorName, e.ThingId, e.ThingPosition, e.Note, e.Link))]),
            new("nudges", nudges.Count,
                "Påminnelser (puffar) som samordnaren har skickat till personen.",
                "Nudges the coordinator has sent the person.",
                [.. nudges.Select(e => (object)new { e.RoundId, e.OccurredAt, e.ActorName, Message = e.Note })]),
        ];
    }

    public async Task EraseAsync(DataSubject subject, ErasureRequest request, CancellationToken cancellationToken)
    {
        if (subject.StaffMemberId is { } staffId)
        {
            var member = await db.StaffMembers.IgnoreQueryFilters().FirstAsync(s => s.Id == staffId, cancellationToken);
            member.Erase(time.GetUtcNow());
            var enrolmentIds = await db.Enrolments.IgnoreQueryFilters().Where(e => e.StaffMemberId == staffId).Select(e => e.Id).ToListAsync(cancellationToken);
            foreach (var progress in await db.ThingProgress.IgnoreQueryFilters().Where(p => enrolmentIds.Contains(p.EnrolmentId)).ToListAsync(cancellationToken))
            {
                progress.EraseReflection();
            }

            foreach (var change in await db.ProgressEvents.IgnoreQueryFilters().Where(e => e.StaffMemberId == staffId).ToListAsync(cancellationToken))
            {
                change.EraseWords();
            }
        }

        await EraseAsActorAsync(subject, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, int>> EraseAfterRetentionAsync(IReadOnlyCollection<Guid> roundIds, CancellationToken cancellationToken)
    {
        var rounds = roundIds.ToArray();
        var erased = ThingProgress.ErasedText;
        var reflections = await db.ThingProgress.IgnoreQueryFilters()
            .Where(p => rounds.Contains(p.RoundId)
                && ((p.Status == ThingProgressStatus.Reported && p.ReflectionText != erased) || p.ReflectionLink != null
                    || (p.AcknowledgementComment != null && p.AcknowledgementComment != erased)))
            .ToListAsync(cancellationToken);
        reflections.ForEach(p => p.EraseReflection());
        var notes = await db.ProgressEvents.IgnoreQueryFilters()
            .Where(e => rounds.Contains(e.RoundId) && ((e.Note != null && e.Note != erased) || e.Link != null))
            .ToListAsync(cancellationToken);
        notes.ForEach(e => e.EraseWords());
        await db.SaveChangesAsync(cancellationToken);
        return new Dictionary<string, int> { ["reflections"] = reflections.Count, ["historyNotes"] = notes.Count };
    }

    /// <summary>What the person did to others' enrolments (they acknowledged or nudged as a coordinator, or acted as a participant) keeps no name.</summary>
    private async Task EraseAsActorAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var names = subject.Identifying.ToArray();
        var accountId = subject.AccountId;
        foreach (var change in await db.ProgressEvents.IgnoreQueryFilters()
            .Where(e => (accountId != null && e.ActorUserId == accountId) || names.Contains(e.ActorName)).ToListAsync(cancellationToken))
        {
            change.EraseActor();
        }

        foreach (var progress in await db.ThingProgress.IgnoreQueryFilters().Where(p => names.Contains(p.AcknowledgedBy!)).ToListAsync(cancellationToken))
        {
            progress.EraseAcknowledger();
        }
    }
}
