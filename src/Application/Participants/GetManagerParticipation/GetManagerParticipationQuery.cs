using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Domain.Participants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Participants.GetManagerParticipation;

/// <summary>
/// Whether the managers take part, which the report found decisive: the managers on the home
/// library's roster, how many are enrolled, how many are active.
/// </summary>
public sealed record GetManagerParticipationQuery(Guid RoundId) : IQuery<ManagerParticipationDto>;

/// <param name="OnRoster">Managers on the roster of the round's home library and its units (who have not left).</param>
/// <param name="Enrolled">Managers enrolled and not withdrawn, pilots included.</param>
/// <param name="Active">Enrolled managers who have begun (attended the kick-off or started a thing), completed included.</param>
public sealed record ManagerParticipationDto(
    Guid RoundId, int OnRoster, int Enrolled, int Active, int Completed, IReadOnlyList<ManagerDto> Managers);

/// <param name="Status">Null for a manager on the roster who is not enrolled.</param>
public sealed record ManagerDto(Guid ParticipantId, string Name, Guid UnitId, string? Title, EnrolmentStatus? Status, int ThingsReported);

internal sealed class GetManagerParticipationQueryHandler(IApplicationDbContext db, IRoundDirectory rounds, ILibraryDirectory libraries)
    : IQueryHandler<GetManagerParticipationQuery, ManagerParticipationDto>
{
    public async ValueTask<ManagerParticipationDto> Handle(GetManagerParticipationQuery query, CancellationToken cancellationToken)
    {
        var round = await rounds.LoadPlanAsync(query.RoundId, cancellationToken);
        var home = await libraries.SubtreeIdsAsync(round.HomeLibraryId, cancellationToken);
        var onRoster = await db.ManagersOnRosterAsync(home, cancellationToken);
        var participants = await db.ParticipantsOf(round.Id, unitId: null, status: null, libraries, cancellationToken);
        var enrolled = await participants.Where(x => x.Staff.IsManager).ToListAsync(cancellationToken);
        var statusOf = enrolled.ToDictionary(x => x.Staff.Id, x => x.Enrolment);

        var managers = onRoster.Concat(enrolled.Select(x => x.Staff)).DistinctBy(s => s.Id)
            .OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => statusOf.TryGetValue(s.Id, out var e)
                ? new ManagerDto(s.Id, s.Name, s.UnitId, s.Title, e.Status, e.ThingsReported)
                : new ManagerDto(s.Id, s.Name, s.UnitId, s.Title, null, 0))
            .ToList();
        var taking = managers.Where(m => m.Status is not null and not EnrolmentStatus.Withdrawn).ToList();
        return new ManagerParticipationDto(
            round.Id,
            onRoster.Count,
            taking.Count,
            taking.Count(m => m.Status is EnrolmentStatus.Active or EnrolmentStatus.Completed),
            taking.Count(m => m.Status == EnrolmentStatus.Completed),
            managers);
    }
}
