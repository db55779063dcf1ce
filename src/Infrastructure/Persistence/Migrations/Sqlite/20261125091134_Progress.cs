using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnSakITaget.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Progress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastActivityAt",
                table: "enrolments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastNudgedAt",
                table: "enrolments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NudgeCount",
                table: "enrolments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "enrolments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ThingsReported",
                table: "enrolments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "progress_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundLibraryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ThingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ThingPosition = table.Column<int>(type: "INTEGER", nullable: true),
                    OccurredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_progress_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_progress_events_enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "thing_progress",
                columns: table => new
                {
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundLibraryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ReportedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ReflectionText = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    ReflectionLink = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AcknowledgementComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_thing_progress", x => new { x.EnrolmentId, x.ThingId });
                    table.ForeignKey(
                        name: "FK_thing_progress_enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The history of an enrolment made before events were kept begins with its invitation.
            migrationBuilder.Sql("""
                INSERT INTO progress_events (EnrolmentId, RoundId, RoundLibraryId, StaffMemberId, Kind, OccurredAt, ActorName)
                SELECT Id, RoundId, RoundLibraryId, StaffMemberId, 'Invited', InvitedAt, 'system' FROM enrolments ORDER BY InvitedAt;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_progress_events_EnrolmentId",
                table: "progress_events",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_progress_events_RoundId_StaffMemberId_Id",
                table: "progress_events",
                columns: new[] { "RoundId", "StaffMemberId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_thing_progress_RoundId",
                table: "thing_progress",
                column: "RoundId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "progress_events");

            migrationBuilder.DropTable(
                name: "thing_progress");

            migrationBuilder.DropColumn(
                name: "LastActivityAt",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "LastNudgedAt",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "NudgeCount",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "ThingsReported",
                table: "enrolments");
        }
    }
}
