using System.Globalization;
using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Spreadsheets;

namespace EnSakITaget.Application.Participants.GetProgressMatrix;

/// <summary>
/// The matrix as a coordinator reads it: a row per participant (name, status, things reported,
/// last activity, manager, pilot), then two columns per thing, <c>"3. Facebook"</c> with the
/// thing's status (<c>Started</c>, <c>Reported</c>, empty when not started) and <c>"3. reported"</c>
/// with the day it was reported in the libraries' calendar, and last the ids.
/// </summary>
public static class ProgressMatrixSpreadsheet
{
    public static Spreadsheet Of(ProgressMatrixDto matrix, CourseCalendar calendar)
    {
        var things = matrix.Things.OrderBy(t => t.Position).ToList();
        string[] columns =
        [
            "name", "status", "thingsReported", "lastActivityAt", "isManager", "isPilot",
            .. things.SelectMany(t => new[] { $"{Position(t)}. {t.Title}", $"{Position(t)}. reported" }),
            "participantId", "unitId",
        ];
        var rows = matrix.Items.Select(row =>
        {
            var cells = row.Cells.ToDictionary(c => c.Position);
            return (IReadOnlyList<object?>)
            [
                row.Name, row.Status, row.ThingsReported, row.LastActivityAt, row.IsManager, row.IsPilot,
                .. things.SelectMany(t => cells.TryGetValue(t.Position, out var cell)
                    ? new object?[] { cell.Status, cell.ReportedAt is { } reported ? calendar.DayOf(reported) : null }
                    : [null, null]),
                row.ParticipantId, row.UnitId,
            ];
        });
        return new Spreadsheet(new SpreadsheetTable("progress", columns, [.. rows]));
    }

    private static string Position(MatrixThingDto thing) => thing.Position.ToString(CultureInfo.InvariantCulture);
}
