using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnSakITaget.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditSequenceCoursesAndRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A GUID does not copy into an INTEGER key: entries get numbers in the order of their old ids
            // (version 7 GUIDs, ordered by time), so the trail keeps its order.
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_audit_entries" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_audit_entries" PRIMARY KEY AUTOINCREMENT,
                    "OccurredAt" TEXT NOT NULL, "ActorId" TEXT NULL, "ActorName" TEXT NOT NULL, "Action" TEXT NOT NULL,
                    "EntityType" TEXT NOT NULL, "EntityId" TEXT NOT NULL, "LibraryId" TEXT NULL, "Changes" TEXT NOT NULL);
                INSERT INTO "ef_temp_audit_entries" ("OccurredAt", "ActorId", "ActorName", "Action", "EntityType", "EntityId", "LibraryId", "Changes")
                    SELECT "OccurredAt", "ActorId", "ActorName", "Action", "EntityType", "EntityId", "LibraryId", "Changes" FROM "audit_entries" ORDER BY "Id";
                DROP TABLE "audit_entries";
                ALTER TABLE "ef_temp_audit_entries" RENAME TO "audit_entries";
                CREATE INDEX "IX_audit_entries_EntityType_EntityId" ON "audit_entries" ("EntityType", "EntityId");
                CREATE INDEX "IX_audit_entries_LibraryId" ON "audit_entries" ("LibraryId");
                """);

            migrationBuilder.CreateTable(
                name: "courses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PublishedVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    things = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "course_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    things = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_course_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_course_versions_courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HomeLibraryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoordinatorIds = table.Column<string>(type: "TEXT", nullable: false),
                    KickOff = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WorkAheadAllowed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ScheduleMode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CadenceWeeks = table.Column<int>(type: "INTEGER", nullable: true),
                    NextReleaseDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    pauses = table.Column<string>(type: "TEXT", nullable: true),
                    things = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rounds_courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_course_versions_CourseId_Version",
                table: "course_versions",
                columns: new[] { "CourseId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_courses_CountyId",
                table: "courses",
                column: "CountyId");

            migrationBuilder.CreateIndex(
                name: "IX_rounds_CourseId",
                table: "rounds",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_rounds_HomeLibraryId",
                table: "rounds",
                column: "HomeLibraryId");

            migrationBuilder.CreateIndex(
                name: "IX_rounds_Status_NextReleaseDate",
                table: "rounds",
                columns: new[] { "Status", "NextReleaseDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "course_versions");

            migrationBuilder.DropTable(
                name: "rounds");

            migrationBuilder.DropTable(
                name: "courses");

            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_audit_entries" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_audit_entries" PRIMARY KEY,
                    "OccurredAt" TEXT NOT NULL, "ActorId" TEXT NULL, "ActorName" TEXT NOT NULL, "Action" TEXT NOT NULL,
                    "EntityType" TEXT NOT NULL, "EntityId" TEXT NOT NULL, "LibraryId" TEXT NULL, "Changes" TEXT NOT NULL);
                INSERT INTO "ef_temp_audit_entries" ("Id", "OccurredAt", "ActorId", "ActorName", "Action", "EntityType", "EntityId", "LibraryId", "Changes")
                    SELECT upper(hex(randomblob(16))), "OccurredAt", "ActorId", "ActorName", "Action", "EntityType", "EntityId", "LibraryId", "Changes" FROM "audit_entries";
                DROP TABLE "audit_entries";
                ALTER TABLE "ef_temp_audit_entries" RENAME TO "audit_entries";
                CREATE INDEX "IX_audit_entries_EntityType_EntityId" ON "audit_entries" ("EntityType", "EntityId");
                CREATE INDEX "IX_audit_entries_LibraryId" ON "audit_entries" ("LibraryId");
                """);
        }
    }
}
