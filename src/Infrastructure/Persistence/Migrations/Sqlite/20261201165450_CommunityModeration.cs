using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnSakITaget.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CommunityModeration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "HiddenAt",
                table: "posts",
                newName: "Moderation_HiddenAt");

            migrationBuilder.RenameColumn(
                name: "HiddenReason",
                table: "posts",
                newName: "Moderation_Reason");

            migrationBuilder.RenameColumn(
                name: "HiddenBy",
                table: "posts",
                newName: "Moderation_By");

            migrationBuilder.RenameColumn(
                name: "HiddenAt",
                table: "comments",
                newName: "Moderation_HiddenAt");

            migrationBuilder.RenameColumn(
                name: "HiddenReason",
                table: "comments",
                newName: "Moderation_Reason");

            migrationBuilder.RenameColumn(
                name: "HiddenBy",
                table: "comments",
                newName: "Moderation_By");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "Moderation_HiddenAt",
                table: "posts",
                newName: "HiddenAt");

            migrationBuilder.RenameColumn(
                name: "Moderation_Reason",
                table: "posts",
                newName: "HiddenReason");

            migrationBuilder.RenameColumn(
                name: "Moderation_By",
                table: "posts",
                newName: "HiddenBy");

            migrationBuilder.RenameColumn(
                name: "Moderation_HiddenAt",
                table: "comments",
                newName: "HiddenAt");

            migrationBuilder.RenameColumn(
                name: "Moderation_Reason",
                table: "comments",
                newName: "HiddenReason");

            migrationBuilder.RenameColumn(
                name: "Moderation_By",
                table: "comments",
                newName: "HiddenBy");
        }
    }
}
