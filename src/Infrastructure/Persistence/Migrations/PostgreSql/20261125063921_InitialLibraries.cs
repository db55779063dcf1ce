using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnSakITaget.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InitialLibraries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "libraries");

            migrationBuilder.CreateTable(
                name: "library_nodes",
                schema: "libraries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    staff_count = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_library_nodes", x => x.id);
                    table.ForeignKey(
                        name: "fk_library_nodes_library_nodes_parent_id",
                        column: x => x.parent_id,
                        principalSchema: "libraries",
                        principalTable: "library_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_library_nodes_parent_id_code",
                schema: "libraries",
                table: "library_nodes",
                columns: new[] { "parent_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_library_nodes_type",
                schema: "libraries",
                table: "library_nodes",
                column: "type");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "library_nodes",
                schema: "libraries");
        }
    }
}
