using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Domain.Participants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Participants.GetProgressMatrix;

/// <summary>The coordinator's overview: every participant of the round against every thing, with status and dates.</summary>
/// <param name="UnitId">Only the participants who work at this library or under it.</param>
public sealed record GetProgressMatrixQuery(
    Guid RoundId, Guid? UnitId = null, EnrolmentStatus? Status = null, int Page = 1, int PageSize = PagingDefaults.PageSize)
    : IQuery<ProgressMatrixDto>, IPagedQuery;

/// <summary>The things as columns; the participants, by name, as the rows of one page.</summary>
public sealed record ProgressMatrixDto(
    Guid RoundId, IReadOnlyList<MatrixThingDto> Things, IReadOnlyList<MatrixRowDto> Items, int Page, int PageSize, int TotalCount);

public sealed record MatrixThingDto(Guid Id, int Position, string Title, DateOnly? PlannedDate, DateTimeOffset? ReleasedAt);

/// <param name="Cells">Only the things the participant has started, by position.</param>
public sealed record MatrixRowDto(
    Guid ParticipantId, string Name, Guid UnitId, bool IsManager, bool IsPilot, EnrolmentStatus Status, int ThingsReported,
    DateTimeOffset? LastActivityAt, IReadOnlyList<MatrixCellDto> Cells);

public sealed record MatrixCellDto(
    int Position, ThingProgressStatus Status, DateTimeOffset StartedAt, DateTimeOffset? ReportedAt, DateTimeOffset? AcknowledgedAt);

internal sealed class GetProgressMatrixQueryValidator : AbstractValidator<GetProgressMatrixQuery>
{
    /// <summary>A whole round of a large library fits on one page.</summary>
    public const int MaxPageSize = 1000;

    public GetProgressMatrixQueryValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, PagingRules.MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize);
        RuleFor(q => q.Status).IsInEnum();
    }
}

internal sealed class GetProgressMatrixQueryHandler(IApplicationDbContext db, IRoundDirectory rounds, ILibraryDirectory libraries)
    : IQueryHandler<GetProgressMatrixQuery, ProgressMatrixDto>
{
    public async ValueTask<ProgressMatrixDto> Handle(GetProgressMatrixQuery query, CancellationToken cancellationToken)
    {
        var round = await rounds.LoadPlanAsync(query.RoundId, cancellationToken);
        var participants = await db.ParticipantsOf(round.Id, query.UnitId, query.Status, libraries, cancellationToken);
        var totalCount = await participants.CountAsync(cancellationToken);
        var rows = await participants
            .OrderBy(x => x.Staff.Name).ThenBy(x => x.Staff.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(x => new
            {
                EnrolmentId = x.Enrolment.Id, x.Staff.Id, x.Staff.Name, x.Staff.UnitId, x.Staff.IsManager, x.Enrolment.IsPilot,
                x.Enrolment.Status, x.Enrolment.ThingsReported, x.Enrolment.LastActivityAt,
            })
            .ToListAsync(cancellationToken);

        var cells = rows.Count == 0 ? [] : await CellsAsync(round.Id, rows.Count == totalCount ? null : [.. rows.Select(r => r.EnrolmentId)], cancellationToken);
        var cellsByEnrolment = cells.ToLookup(c => c.EnrolmentId, c => new MatrixCellDto(c.Position, c.Status, c.StartedAt, c.ReportedAt, c.AcknowledgedAt));
        return new ProgressMatrixDto(
            round.Id,
            [.. round.Things.Select(t => new MatrixThingDto(t.Id, t.Position, t.Title, t.PlannedDate, t.ReleasedAt))],
            [.. rows.Select(r => new MatrixRowDto(
                r.Id, r.Name, r.UnitId, r.IsManager, r.IsPilot, r.Status, r.ThingsReported, r.LastActivityAt,
                [.. cellsByEnrolment[r.EnrolmentId].OrderBy(c => c.Position)]))],
            query.Page, query.PageSize, totalCount);
    }

    /// <param name="enrolmentIds">The page's enrolments; null when the page holds the whole round.</param>
    private async Task<List<Cell>> CellsAsync(Guid roundId, Guid[]? enrolmentIds, CancellationToken cancellationToken)
    {
        var progress = db.ThingProgress.AsNoTracking().Where(p => p.RoundId == roundId);
        if (enrolmentIds is not null)
        {
            progress = progress.Where(p => enrolmentIds.Contains(p.EnrolmentId));
        }

        return await progress
            .Select(p => new Cell(p.EnrolmentId, p.Position, p.Status, p.StartedAt, p.ReportedAt, p.AcknowledgedAt))
            .ToListAsync(cancellationToken);
    }

    private sealed record Cell(
        Guid EnrolmentId, int Position, ThingProgressStatus Status, DateTimeOffset StartedAt, DateTimeOffset? ReportedAt, DateTimeOffset? AcknowledgedAt);
}
