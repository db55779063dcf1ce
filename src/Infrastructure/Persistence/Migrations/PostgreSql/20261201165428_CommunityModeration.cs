using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnSakITaget.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CommunityModeration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "hidden_at",
                schema: "community",
                table: "posts",
                newName: "moderation_hidden_at");

            migrationBuilder.RenameColumn(
                name: "hidden_reason",
                schema: "community",
                table: "posts",
                newName: "moderation_reason");

            migrationBuilder.RenameColumn(
                name: "hidden_by",
                schema: "community",
                table: "posts",
                newName: "moderation_by");

            migrationBuilder.RenameColumn(
                name: "hidden_at",
                schema: "community",
                table: "comments",
                newName: "moderation_hidden_at");

            migrationBuilder.RenameColumn(
                name: "hidden_reason",
                schema: "community",
                table: "comments",
                newName: "moderation_reason");

            migrationBuilder.RenameColumn(
                name: "hidden_by",
                schema: "community",
                table: "comments",
                newName: "moderation_by");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "moderation_hidden_at",
                schema: "community",
                table: "posts",
                newName: "hidden_at");

            migrationBuilder.RenameColumn(
                name: "moderation_reason",
                schema: "community",
                table: "posts",
                newName: "hidden_reason");

            migrationBuilder.RenameColumn(
                name: "moderation_by",
                schema: "community",
                table: "posts",
                newName: "hidden_by");

            migrationBuilder.RenameColumn(
                name: "moderation_hidden_at",
                schema: "community",
                table: "comments",
                newName: "hidden_at");

            migrationBuilder.RenameColumn(
                name: "moderation_reason",
                schema: "community",
                table: "comments",
                newName: "hidden_reason");

            migrationBuilder.RenameColumn(
                name: "moderation_by",
                schema: "community",
                table: "comments",
                newName: "hidden_by");
        }
    }
}
