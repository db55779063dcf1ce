using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnSakITaget.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RevisionsOfLibrariesAndStaff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "staff_members",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "library_nodes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Revision",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "library_nodes");
        }
    }
}
