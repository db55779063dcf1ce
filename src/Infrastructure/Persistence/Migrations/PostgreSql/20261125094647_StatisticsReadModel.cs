using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnSakITaget.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class StatisticsReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "completed_on",
                schema: "participants",
                table: "enrolments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "invited_on",
                schema: "participants",
                table: "enrolments",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "last_active_on",
                schema: "participants",
                table: "enrolments",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "daily_reports",
                schema: "participants",
                columns: table => new
                {
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    round_library_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reports = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_daily_reports", x => new { x.round_id, x.unit_id, x.day });
                });

            migrationBuilder.CreateIndex(
                name: "ix_daily_reports_day_unit_id",
                schema: "participants",
                table: "daily_reports",
                columns: new[] { "day", "unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_daily_reports_round_library_id",
                schema: "participants",
                table: "daily_reports",
                column: "round_library_id");

            // The read model of what was there before: days in the libraries' calendar, and the reports counted per unit and day.
            migrationBuilder.Sql("""
                UPDATE participants.enrolments SET
                    invited_on = (invited_at AT TIME ZONE 'Europe/Stockholm')::date,
                    completed_on = (completed_at AT TIME ZONE 'Europe/Stockholm')::date,
                    last_active_on = (last_activity_at AT TIME ZONE 'Europe/Stockholm')::date;
                INSERT INTO participants.daily_reports (round_id, unit_id, day, round_library_id, reports)
                SELECT e.round_id, s.unit_id, (e.occurred_at AT TIME ZONE 'Europe/Stockholm')::date, e.round_library_id, count(*)
                FROM participants.progress_events e JOIN participants.staff_members s ON s.id = e.staff_member_id
                WHERE e.kind = 'Reported'
                GROUP BY 1, 2, 3, 4;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "daily_reports",
                schema: "participants");

            migrationBuilder.DropColumn(
                name: "completed_on",
                schema: "participants",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "invited_on",
                schema: "participants",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "last_active_on",
                schema: "participants",
                table: "enrolments");
        }
    }
}
