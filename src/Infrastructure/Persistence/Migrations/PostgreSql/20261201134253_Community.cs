using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnSakITaget.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Community : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "community");

            migrationBuilder.CreateTable(
                name: "blog_duty_rotas",
                schema: "community",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    library_id = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    weeks = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_blog_duty_rotas", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "posts",
                schema: "community",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_library_id = table.Column<Guid>(type: "uuid", nullable: false),
                    thing_id = table.Column<Guid>(type: "uuid", nullable: true),
                    from_reflection = table.Column<bool>(type: "boolean", nullable: false),
                    author_staff_member_id = table.Column<Guid>(type: "uuid", nullable: true),
                    author_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    hidden_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    hidden_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    hidden_by = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    publication = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    publication_requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    publication_decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    publication_decided_by = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    publication_refusal = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    history = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_posts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "comments",
                schema: "community",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_library_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_staff_member_id = table.Column<Guid>(type: "uuid", nullable: true),
                    author_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    hidden_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    hidden_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    hidden_by = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    history = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comments", x => x.id);
                    table.ForeignKey(
                        name: "fk_comments_posts_post_id",
                        column: x => x.post_id,
                        principalSchema: "community",
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_blog_duty_rotas_library_id",
                schema: "community",
                table: "blog_duty_rotas",
                column: "library_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_comments_author_staff_member_id",
                schema: "community",
                table: "comments",
                column: "author_staff_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_comments_author_user_id",
                schema: "community",
                table: "comments",
                column: "author_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_comments_post_id",
                schema: "community",
                table: "comments",
                column: "post_id");

            migrationBuilder.CreateIndex(
                name: "ix_comments_round_id",
                schema: "community",
                table: "comments",
                column: "round_id");

            migrationBuilder.CreateIndex(
                name: "ix_posts_author_staff_member_id",
                schema: "community",
                table: "posts",
                column: "author_staff_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_posts_author_user_id",
                schema: "community",
                table: "posts",
                column: "author_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_posts_round_id",
                schema: "community",
                table: "posts",
                column: "round_id");

            migrationBuilder.CreateIndex(
                name: "ix_posts_round_library_id_publication",
                schema: "community",
                table: "posts",
                columns: new[] { "round_library_id", "publication" });

            migrationBuilder.CreateIndex(
                name: "ix_posts_slug",
                schema: "community",
                table: "posts",
                column: "slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "blog_duty_rotas",
                schema: "community");

            migrationBuilder.DropTable(
                name: "comments",
                schema: "community");

            migrationBuilder.DropTable(
                name: "posts",
                schema: "community");
        }
    }
}
