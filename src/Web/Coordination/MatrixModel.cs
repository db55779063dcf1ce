using EnSakITaget.Web.Common.Api;

namespace EnSakITaget.Web.Coordination;

public enum CellState
{
    NotReleased,
    NotStarted,
    Started,
    Reported,
    Acknowledged,
}

public readonly record struct MatrixCell(CellState State, DateTimeOffset? StartedAt, DateTimeOffset? ReportedAt);

public sealed record MatrixColumn(int Position, string Title, bool Released);

/// <param name="Cells">One per column, in the columns' order.</param>
/// <param name="CurrentPosition">The first thing not yet reported; null when every thing is.</param>
public sealed record MatrixRow(
    Guid ParticipantId, string Name, Guid? UnitId, bool IsManager, bool IsPilot, EnrolmentStatus? Status, int ThingsReported,
    DateTimeOffset? LastActivityAt, IReadOnlyList<MatrixCell> Cells, int? CurrentPosition);

/// <summary>
/// One page of the progress matrix with a cell for every participant × thing: the API sends only
/// the things a participant has started, and this fills in the rest (not started, not out yet).
/// </summary>
public sealed record MatrixModel(IReadOnlyList<MatrixColumn> Columns, IReadOnlyList<MatrixRow> Rows, int Page, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / Math.Max(1, PageSize));

    public static MatrixModel From(ProgressMatrixDto matrix)
    {
        var columns = (matrix.Things ?? [])
            .OrderBy(t => t.Position)
            .Select(t => new MatrixColumn(t.Position ?? 0, t.Title ?? string.Empty, t.ReleasedAt is not null))
            .ToList();

        var rows = (matrix.Items ?? []).Select(row =>
        {
            var byPosition = (row.Cells ?? []).Where(c => c.Position is not null).ToDictionary(c => c.Position!.Value);
            var cells = new MatrixCell[columns.Count];
            int? current = null;
            for (var i = 0; i < columns.Count; i++)
            {
                cells[i] = byPosition.TryGetValue(columns[i].Position, out var cell)
                    ? new MatrixCell(StateOf(cell), cell.StartedAt, cell.ReportedAt)
                    : new MatrixCell(columns[i].Released ? CellState.NotStarted : CellState.NotReleased, null, null);
                if (current is null && cells[i].State is not (CellState.Reported or CellState.Acknowledged))
                {
                    current = columns[i].Position;
                }
            }

            return new MatrixRow(
                row.ParticipantId ?? Guid.Empty, row.Name ?? string.Empty, row.UnitId, row.IsManager == true, row.IsPilot == true,
                row.Status, row.ThingsReported ?? 0, row.LastActivityAt, cells, current);
        }).ToList();

        return new MatrixModel(columns, rows, matrix.Page ?? 1, matrix.PageSize ?? Math.Max(1, rows.Count), matrix.TotalCount ?? rows.Count);
    }

    private static CellState StateOf(MatrixCellDto cell) => cell.Status switch
    {
        ThingProgressStatus.Reported when cell.AcknowledgedAt is not null => CellState.Acknowledged,
        ThingProgressStatus.Reported => CellState.Reported,
        _ => CellState.Started,
    };
}
