using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EnSakITaget.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Progress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_activity_at",
                schema: "participants",
                table: "enrolments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_nudged_at",
                schema: "participants",
                table: "enrolments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "nudge_count",
                schema: "participants",
                table: "enrolments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "revision",
                schema: "participants",
                table: "enrolments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "things_reported",
                schema: "participants",
                table: "enrolments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "progress_events",
                schema: "participants",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    enrolment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_library_id = table.Column<Guid>(type: "uuid", nullable: false),
                    staff_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    thing_id = table.Column<Guid>(type: "uuid", nullable: true),
                    thing_position = table.Column<int>(type: "integer", nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    note = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    link = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_progress_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_progress_events_enrolments_enrolment_id",
                        column: x => x.enrolment_id,
                        principalSchema: "participants",
                        principalTable: "enrolments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "thing_progress",
                schema: "participants",
                columns: table => new
                {
                    enrolment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    thing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_library_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reflection_text = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    reflection_link = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    acknowledgement_comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_thing_progress", x => new { x.enrolment_id, x.thing_id });
                    table.ForeignKey(
                        name: "fk_thing_progress_enrolments_enrolment_id",
                        column: x => x.enrolment_id,
                        principalSchema: "participants",
                        principalTable: "enrolments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The history of an enrolment made before events were kept begins with its invitation.
            migrationBuilder.Sql("""
                INSERT INTO participants.progress_events (enrolment_id, round_id, round_library_id, staff_member_id, kind, occurred_at, actor_name)
                SELECT id, round_id, round_library_id, staff_member_id, 'Invited', invited_at, 'system' FROM participants.enrolments ORDER BY invited_at;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_progress_events_enrolment_id",
                schema: "participants",
                table: "progress_events",
                column: "enrolment_id");

            migrationBuilder.CreateIndex(
                name: "ix_progress_events_round_id_staff_member_id_id",
                schema: "participants",
                table: "progress_events",
                columns: new[] { "round_id", "staff_member_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_thing_progress_round_id",
                schema: "participants",
                table: "thing_progress",
                column: "round_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "progress_events",
                schema: "participants");

            migrationBuilder.DropTable(
                name: "thing_progress",
                schema: "participants");

            migrationBuilder.DropColumn(
                name: "last_activity_at",
                schema: "participants",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "last_nudged_at",
                schema: "participants",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "nudge_count",
                schema: "participants",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "revision",
                schema: "participants",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "things_reported",
                schema: "participants",
                table: "enrolments");
        }
    }
}
