using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnSakITaget.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Community : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "blog_duty_rotas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LibraryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    weeks = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_blog_duty_rotas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "posts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundLibraryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FromReflection = table.Column<bool>(type: "INTEGER", nullable: false),
                    AuthorStaffMemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    HiddenAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    HiddenReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    HiddenBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Publication = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PublicationRequestedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    PublicationDecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    PublicationDecidedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    PublicationRefusal = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    history = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_posts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "comments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundLibraryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorStaffMemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    HiddenAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    HiddenReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    HiddenBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    history = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_comments_posts_PostId",
                        column: x => x.PostId,
                        principalTable: "posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_blog_duty_rotas_LibraryId",
                table: "blog_duty_rotas",
                column: "LibraryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_comments_AuthorStaffMemberId",
                table: "comments",
                column: "AuthorStaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_comments_AuthorUserId",
                table: "comments",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_comments_PostId",
                table: "comments",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_comments_RoundId",
                table: "comments",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_posts_AuthorStaffMemberId",
                table: "posts",
                column: "AuthorStaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_posts_AuthorUserId",
                table: "posts",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_posts_RoundId",
                table: "posts",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_posts_RoundLibraryId_Publication",
                table: "posts",
                columns: new[] { "RoundLibraryId", "Publication" });

            migrationBuilder.CreateIndex(
                name: "IX_posts_Slug",
                table: "posts",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "blog_duty_rotas");

            migrationBuilder.DropTable(
                name: "comments");

            migrationBuilder.DropTable(
                name: "posts");
        }
    }
}
