using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnSakITaget.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatisticsReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CompletedOn",
                table: "enrolments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "InvitedOn",
                table: "enrolments",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastActiveOn",
                table: "enrolments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "daily_reports",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RoundLibraryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reports = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_daily_reports", x => new { x.RoundId, x.UnitId, x.Day });
                });

            migrationBuilder.CreateIndex(
                name: "IX_daily_reports_Day_UnitId",
                table: "daily_reports",
                columns: new[] { "Day", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_daily_reports_RoundLibraryId",
                table: "daily_reports",
                column: "RoundLibraryId");

            // The read model of what was there before (by UTC day: SQLite knows no time zones).
            migrationBuilder.Sql("""
                UPDATE enrolments SET InvitedOn = date(InvitedAt), CompletedOn = date(CompletedAt), LastActiveOn = date(LastActivityAt);
                INSERT INTO daily_reports (RoundId, UnitId, Day, RoundLibraryId, Reports)
                SELECT e.RoundId, s.UnitId, date(e.OccurredAt), e.RoundLibraryId, count(*)
                FROM progress_events e JOIN staff_members s ON s.Id = e.StaffMemberId
                WHERE e.Kind = 'Reported'
                GROUP BY 1, 2, 3, 4;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "daily_reports");

            migrationBuilder.DropColumn(
                name: "CompletedOn",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "InvitedOn",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "LastActiveOn",
                table: "enrolments");
        }
    }
}
