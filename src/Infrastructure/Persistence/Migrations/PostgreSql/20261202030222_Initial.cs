using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EnSakITaget.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "identity");

            migrationBuilder.EnsureSchema(
                name: "audit");

            migrationBuilder.EnsureSchema(
                name: "community");

            migrationBuilder.EnsureSchema(
                name: "courses");

            migrationBuilder.EnsureSchema(
                name: "participants");

            migrationBuilder.EnsureSchema(
                name: "libraries");

            migrationBuilder.EnsureSchema(
                name: "messaging");

            migrationBuilder.EnsureSchema(
                name: "feedback");

            migrationBuilder.CreateTable(
                name: "api_keys",
                schema: "identity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    library_id = table.Column<Guid>(type: "uuid", nullable: false),
                    secret_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                schema: "audit",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    library_id = table.Column<Guid>(type: "uuid", nullable: true),
                    changes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

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
                name: "courses",
                schema: "courses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    language = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    published_version = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    things = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_courses", x => x.id);
                });

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

            migrationBuilder.CreateTable(
                name: "data_revision",
                schema: "audit",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_revision", x => x.id);
                });

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
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    retention_months = table.Column<int>(type: "integer", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "notification_settings",
                schema: "messaging",
                columns: table => new
                {
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    unsubscribe_token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    choices = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_settings", x => x.email);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "messaging",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recipient_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recipient_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    subject = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    text_body = table.Column<string>(type: "text", nullable: false),
                    html_body = table.Column<string>(type: "text", nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
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
                    publication = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    publication_requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    publication_decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    publication_decided_by = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    publication_refusal = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    moderation_by = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    moderation_hidden_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    moderation_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    history = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_posts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "staff_members",
                schema: "participants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    is_manager = table.Column<bool>(type: "boolean", nullable: false),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_members", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "surveys",
                schema: "feedback",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_library_id = table.Column<Guid>(type: "uuid", nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: false),
                    is_anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    opens_when = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    closes_on = table.Column<DateOnly>(type: "date", nullable: true),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    questions = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_surveys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tree_revision",
                schema: "libraries",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tree_revision", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                schema: "identity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "course_versions",
                schema: "courses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    language = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    things = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_course_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_course_versions_courses_course_id",
                        column: x => x.course_id,
                        principalSchema: "courses",
                        principalTable: "courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rounds",
                schema: "courses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: false),
                    course_version = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    home_library_id = table.Column<Guid>(type: "uuid", nullable: false),
                    coordinator_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    kick_off = table.Column<DateOnly>(type: "date", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    work_ahead_allowed = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    schedule_mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    cadence_weeks = table.Column<int>(type: "integer", nullable: true),
                    next_release_date = table.Column<DateOnly>(type: "date", nullable: true),
                    last_released_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    pauses = table.Column<string>(type: "jsonb", nullable: false),
                    things = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rounds", x => x.id);
                    table.ForeignKey(
                        name: "fk_rounds_courses_course_id",
                        column: x => x.course_id,
                        principalSchema: "courses",
                        principalTable: "courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
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
                    revision = table.Column<int>(type: "integer", nullable: false),
                    moderation_by = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    moderation_hidden_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    moderation_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
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

            migrationBuilder.CreateTable(
                name: "enrolments",
                schema: "participants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_library_id = table.Column<Guid>(type: "uuid", nullable: false),
                    staff_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    is_pilot = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attended_kick_off = table.Column<bool>(type: "boolean", nullable: false),
                    invited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    activated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    things_reported = table.Column<int>(type: "integer", nullable: false),
                    last_activity_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_nudged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    nudge_count = table.Column<int>(type: "integer", nullable: false),
                    invited_on = table.Column<DateOnly>(type: "date", nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    last_active_on = table.Column<DateOnly>(type: "date", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enrolments", x => x.id);
                    table.ForeignKey(
                        name: "fk_enrolments_staff_members_staff_member_id",
                        column: x => x.staff_member_id,
                        principalSchema: "participants",
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "survey_participations",
                schema: "feedback",
                columns: table => new
                {
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    staff_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    phase = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    round_library_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_participations", x => new { x.survey_id, x.staff_member_id, x.phase });
                    table.ForeignKey(
                        name: "fk_survey_participations_surveys_survey_id",
                        column: x => x.survey_id,
                        principalSchema: "feedback",
                        principalTable: "surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "survey_responses",
                schema: "feedback",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_library_id = table.Column<Guid>(type: "uuid", nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: false),
                    phase = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    respondent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    answers = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_responses", x => x.id);
                    table.ForeignKey(
                        name: "fk_survey_responses_surveys_survey_id",
                        column: x => x.survey_id,
                        principalSchema: "feedback",
                        principalTable: "surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "account_tokens",
                schema: "identity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    purpose = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    staff_member_id = table.Column<Guid>(type: "uuid", nullable: true),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    library_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_account_tokens_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "identity",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "refresh_tokens",
                schema: "identity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_refresh_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_refresh_tokens_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "identity",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "role_assignments",
                schema: "identity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    library_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_assignments_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "identity",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                schema: "identity",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_claims_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "identity",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                schema: "identity",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_user_logins_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "identity",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                schema: "identity",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_user_tokens_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "identity",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.InsertData(
                schema: "audit",
                table: "data_revision",
                columns: new[] { "id", "value" },
                values: new object[] { 1, 0L });

            migrationBuilder.InsertData(
                schema: "libraries",
                table: "tree_revision",
                columns: new[] { "id", "value" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "ix_account_tokens_staff_member_id",
                schema: "identity",
                table: "account_tokens",
                column: "staff_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_account_tokens_token_hash",
                schema: "identity",
                table: "account_tokens",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_account_tokens_user_id",
                schema: "identity",
                table: "account_tokens",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_library_id",
                schema: "identity",
                table: "api_keys",
                column: "library_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_entity_type_entity_id",
                schema: "audit",
                table: "audit_entries",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_library_id",
                schema: "audit",
                table: "audit_entries",
                column: "library_id");

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
                name: "ix_course_versions_course_id_version",
                schema: "courses",
                table: "course_versions",
                columns: new[] { "course_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_courses_county_id",
                schema: "courses",
                table: "courses",
                column: "county_id");

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

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_round_id_staff_member_id",
                schema: "participants",
                table: "enrolments",
                columns: new[] { "round_id", "staff_member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_round_library_id",
                schema: "participants",
                table: "enrolments",
                column: "round_library_id");

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_staff_member_id",
                schema: "participants",
                table: "enrolments",
                column: "staff_member_id");

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

            migrationBuilder.CreateIndex(
                name: "ix_notification_settings_unsubscribe_token",
                schema: "messaging",
                table: "notification_settings",
                column: "unsubscribe_token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_idempotency_key",
                schema: "messaging",
                table: "outbox_messages",
                column: "idempotency_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_recipient_email",
                schema: "messaging",
                table: "outbox_messages",
                column: "recipient_email");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_state_next_attempt_at",
                schema: "messaging",
                table: "outbox_messages",
                columns: new[] { "state", "next_attempt_at" });

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
                name: "ix_refresh_tokens_token_hash",
                schema: "identity",
                table: "refresh_tokens",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_refresh_tokens_user_id",
                schema: "identity",
                table: "refresh_tokens",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_role_assignments_library_id",
                schema: "identity",
                table: "role_assignments",
                column: "library_id");

            migrationBuilder.CreateIndex(
                name: "ix_role_assignments_user_id_role_library_id",
                schema: "identity",
                table: "role_assignments",
                columns: new[] { "user_id", "role", "library_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rounds_course_id",
                schema: "courses",
                table: "rounds",
                column: "course_id");

            migrationBuilder.CreateIndex(
                name: "ix_rounds_home_library_id",
                schema: "courses",
                table: "rounds",
                column: "home_library_id");

            migrationBuilder.CreateIndex(
                name: "ix_rounds_status_next_release_date",
                schema: "courses",
                table: "rounds",
                columns: new[] { "status", "next_release_date" });

            migrationBuilder.CreateIndex(
                name: "ix_staff_members_email",
                schema: "participants",
                table: "staff_members",
                column: "email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_members_unit_id",
                schema: "participants",
                table: "staff_members",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_course_id",
                schema: "feedback",
                table: "survey_responses",
                column: "course_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_survey_id",
                schema: "feedback",
                table: "survey_responses",
                column: "survey_id");

            migrationBuilder.CreateIndex(
                name: "ix_surveys_course_id",
                schema: "feedback",
                table: "surveys",
                column: "course_id");

            migrationBuilder.CreateIndex(
                name: "ix_surveys_round_id",
                schema: "feedback",
                table: "surveys",
                column: "round_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_thing_progress_round_id",
                schema: "participants",
                table: "thing_progress",
                column: "round_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_claims_user_id",
                schema: "identity",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_logins_user_id",
                schema: "identity",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                schema: "identity",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                schema: "identity",
                table: "users",
                column: "normalized_user_name",
                unique: true);

            // Every audited change and every survey response moves the data's revision on, at the
            // commit of its transaction (a deferred trigger: the row lock is held for the commit
            // alone, and orders the values as the transactions commit), and every instance hears
            // of it, and of changes to who may see what and to the library tree, when the
            // transaction commits. The revision starts from the clock, so that it never repeats a
            // value an earlier database handed out. See ChangeSignals and ADR 0008.
            migrationBuilder.Sql("""
                UPDATE audit.data_revision SET value = (extract(epoch FROM clock_timestamp()) * 1000)::bigint WHERE id = 1;

                -- Once per transaction, however many rows it wrote: the setting lasts until it ends.
                CREATE FUNCTION audit.move_data_revision() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF current_setting('ensakitaget.data_revision_moved', true) IS DISTINCT FROM 'yes' THEN
                        PERFORM set_config('ensakitaget.data_revision_moved', 'yes', true);
                        INSERT INTO audit.data_revision (id, value) VALUES (1, 1)
                            ON CONFLICT (id) DO UPDATE SET value = audit.data_revision.value + 1;
                        PERFORM pg_notify('ensakitaget_changes', 'data');
                    END IF;
                    RETURN NULL;
                END
                $$;

                CREATE FUNCTION audit.signal_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('ensakitaget_changes', TG_ARGV[0]);
                    RETURN NULL;
                END
                $$;

                CREATE CONSTRAINT TRIGGER move_data_revision AFTER INSERT OR UPDATE OR DELETE ON audit.audit_entries
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit.move_data_revision();
                CREATE TRIGGER move_data_revision_on_truncate AFTER TRUNCATE ON audit.audit_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION audit.move_data_revision();
                CREATE CONSTRAINT TRIGGER move_data_revision AFTER INSERT OR UPDATE OR DELETE ON feedback.survey_responses
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit.move_data_revision();
                CREATE TRIGGER move_data_revision_on_truncate AFTER TRUNCATE ON feedback.survey_responses
                    FOR EACH STATEMENT EXECUTE FUNCTION audit.move_data_revision();

                -- An account matters to the caller's scope through its e-mail and security stamp
                -- only: a login that counts a failed attempt changes neither.
                CREATE TRIGGER signal_change AFTER INSERT OR DELETE OR TRUNCATE ON identity.users
                    FOR EACH STATEMENT EXECUTE FUNCTION audit.signal_change('access');
                CREATE TRIGGER signal_change_on_update AFTER UPDATE ON identity.users
                    FOR EACH ROW WHEN (OLD.email IS DISTINCT FROM NEW.email OR OLD.security_stamp IS DISTINCT FROM NEW.security_stamp)
                    EXECUTE FUNCTION audit.signal_change('access');
                CREATE TRIGGER signal_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON identity.role_assignments
                    FOR EACH STATEMENT EXECUTE FUNCTION audit.signal_change('access');
                CREATE TRIGGER signal_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON identity.api_keys
                    FOR EACH STATEMENT EXECUTE FUNCTION audit.signal_change('access');
                -- The tree's revision moves with every change to a node, however it is made; an
                -- instance that does not hear notifications compares it before trusting its tree.
                CREATE FUNCTION libraries.move_tree_revision() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO libraries.tree_revision (id, value) VALUES (1, 1)
                        ON CONFLICT (id) DO UPDATE SET value = libraries.tree_revision.value + 1;
                    PERFORM pg_notify('ensakitaget_changes', 'library_tree');
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER move_tree_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON libraries.library_nodes
                    FOR EACH STATEMENT EXECUTE FUNCTION libraries.move_tree_revision();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER move_tree_revision ON libraries.library_nodes;
                DROP FUNCTION libraries.move_tree_revision();
                DROP TRIGGER signal_change ON identity.api_keys;
                DROP TRIGGER signal_change ON identity.role_assignments;
                DROP TRIGGER signal_change_on_update ON identity.users;
                DROP TRIGGER signal_change ON identity.users;
                DROP TRIGGER move_data_revision_on_truncate ON feedback.survey_responses;
                DROP TRIGGER move_data_revision ON feedback.survey_responses;
                DROP TRIGGER move_data_revision_on_truncate ON audit.audit_entries;
                DROP TRIGGER move_data_revision ON audit.audit_entries;
                DROP FUNCTION audit.signal_change();
                DROP FUNCTION audit.move_data_revision();
                """);

            migrationBuilder.DropTable(
                name: "account_tokens",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "api_keys",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "audit_entries",
                schema: "audit");

            migrationBuilder.DropTable(
                name: "blog_duty_rotas",
                schema: "community");

            migrationBuilder.DropTable(
                name: "comments",
                schema: "community");

            migrationBuilder.DropTable(
                name: "course_versions",
                schema: "courses");

            migrationBuilder.DropTable(
                name: "daily_reports",
                schema: "participants");

            migrationBuilder.DropTable(
                name: "data_revision",
                schema: "audit");

            migrationBuilder.DropTable(
                name: "library_nodes",
                schema: "libraries");

            migrationBuilder.DropTable(
                name: "notification_settings",
                schema: "messaging");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "messaging");

            migrationBuilder.DropTable(
                name: "progress_events",
                schema: "participants");

            migrationBuilder.DropTable(
                name: "refresh_tokens",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "role_assignments",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "rounds",
                schema: "courses");

            migrationBuilder.DropTable(
                name: "survey_participations",
                schema: "feedback");

            migrationBuilder.DropTable(
                name: "survey_responses",
                schema: "feedback");

            migrationBuilder.DropTable(
                name: "thing_progress",
                schema: "participants");

            migrationBuilder.DropTable(
                name: "tree_revision",
                schema: "libraries");

            migrationBuilder.DropTable(
                name: "user_claims",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "user_logins",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "user_tokens",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "posts",
                schema: "community");

            migrationBuilder.DropTable(
                name: "courses",
                schema: "courses");

            migrationBuilder.DropTable(
                name: "surveys",
                schema: "feedback");

            migrationBuilder.DropTable(
                name: "enrolments",
                schema: "participants");

            migrationBuilder.DropTable(
                name: "users",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "staff_members",
                schema: "participants");
        }
    }
}
