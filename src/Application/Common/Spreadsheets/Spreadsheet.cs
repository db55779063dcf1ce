using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace EnSakITaget.Application.Common.Spreadsheets;

/// <summary>
/// An answer laid out for spreadsheets, whatever the file format: one table, or several where the
/// answer has several (a round's statistics). A CSV writes the tables one under another; a
/// workbook gives each its own sheet.
/// </summary>
public sealed record Spreadsheet(IReadOnlyList<SpreadsheetTable> Tables)
{
    public Spreadsheet(params SpreadsheetTable[] tables)
        : this((IReadOnlyList<SpreadsheetTable>)tables)
    {
    }
}

/// <summary>One table: a header row and rows of typed cells.</summary>
/// <param name="Name">What the table is (<c>things</c>, <c>weeklyReports</c>): a workbook's sheet name, a CSV's <c>table</c> column.</param>
/// <param name="Columns">The header row: the JSON field names of the answer.</param>
/// <param name="Rows">
/// A cell per column: text, a whole number, a <see cref="double"/>, a <see cref="bool"/>, a
/// <see cref="DateOnly"/>, a <see cref="DateTimeOffset"/>, a <see cref="Guid"/>, an enum, or null for an empty cell.
/// </param>
public sealed record SpreadsheetTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>
    /// A table with a row per item and a column per property, named as the JSON answer names it
    /// (camelCase), so that a spreadsheet and the JSON say the same. Lists within an item are left
    /// out: they make tables of their own.
    /// </summary>
    public static SpreadsheetTable Of<T>(string name, IEnumerable<T> items)
    {
        var properties = ScalarProperties<T>.All;
        return new SpreadsheetTable(
            name,
            [.. properties.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))],
            [.. items.Select(item => (IReadOnlyList<object?>)[.. properties.Select(p => p.GetValue(item))])]);
    }

    /// <summary>The table with more columns on the right, a value for each row.</summary>
    public SpreadsheetTable With<T>(string column, IReadOnlyList<T> values) =>
        this with
        {
            Columns = [.. Columns, column],
            Rows = [.. Rows.Select((row, i) => (IReadOnlyList<object?>)[.. row, i < values.Count ? values[i] : null])],
        };

    private static class ScalarProperties<T>
    {
        public static readonly PropertyInfo[] All = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Where(p => p.PropertyType == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(p.PropertyType))
            .ToArray();
    }
}
