using EnSakITaget.Domain.Participants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EnSakITaget.Infrastructure.Statistics;

/// <summary>Reports to add to the count of the reporter's unit for a day in a round.</summary>
internal sealed record ReportCount(Guid RoundId, Guid StaffMemberId, Guid RoundLibraryId, DateOnly Day, int Reports);

/// <summary>
/// The statistics' read model of the reports (<see cref="DailyReportCount"/>): one statement that
/// inserts the unit's row for the day or adds to it, so two reports at the same moment both count.
/// The unit is the reporter's as the transaction sees it, read in the same statement.
/// </summary>
internal static class DailyReportCounts
{
    public static Task AddAsync(DbContext context, ReportCount count, CancellationToken cancellationToken) =>
        context.Database.ExecuteSqlRawAsync(Upsert(context), Parameters(context, count), cancellationToken);

    public static void Add(DbContext context, ReportCount count) =>
        context.Database.ExecuteSqlRaw(Upsert(context), Parameters(context, count));

    private static object[] Parameters(DbContext context, ReportCount count) =>
        [Guid(context, count.RoundId), Guid(context, count.StaffMemberId), count.Day, Guid(context, count.RoundLibraryId), count.Reports];

    /// <summary>EF Core keeps GUIDs in SQLite as upper-case text.</summary>
    private static object Guid(DbContext context, Guid value) => context.Database.IsSqlite() ? value.ToString().ToUpperInvariant() : value;

    /// <summary>Only the model's own identifiers are put into the text; every value is a parameter.</summary>
    private static string Upsert(DbContext context)
    {
        var (counts, countsTable) = TableOf<DailyReportCount>(context);
        var (staff, staffTable) = TableOf<StaffMember>(context);
        string Column(IEntityType entity, StoreObjectIdentifier table, string property) => $"\"{entity.FindProperty(property)!.GetColumnName(table)}\"";
        string Count(string property) => Column(counts, countsTable, property);
        var name = $"\"{countsTable.Name}\"";
        var key = $"{Count(nameof(DailyReportCount.RoundId))}, {Count(nameof(DailyReportCount.UnitId))}, {Count(nameof(DailyReportCount.Day))}";
        var reports = Count(nameof(DailyReportCount.Reports));
        return $"INSERT INTO {Qualified(countsTable)} ({key}, {Count(nameof(DailyReportCount.RoundLibraryId))}, {reports}) " +
            $"SELECT {{0}}, s.{Column(staff, staffTable, nameof(StaffMember.UnitId))}, {{2}}, {{3}}, {{4}} FROM {Qualified(staffTable)} s " +
            $"WHERE s.{Column(staff, staffTable, nameof(StaffMember.Id))} = {{1}} " +
            $"ON CONFLICT ({key}) DO UPDATE SET {reports} = {name}.{reports} + excluded.{reports}";
    }

    private static (IEntityType Entity, StoreObjectIdentifier Table) TableOf<T>(DbContext context)
    {
        var entity = context.Model.FindEntityType(typeof(T))!;
        return (entity, StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()));
    }

    private static string Qualified(StoreObjectIdentifier table) =>
        table.Schema is null ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"";
}
