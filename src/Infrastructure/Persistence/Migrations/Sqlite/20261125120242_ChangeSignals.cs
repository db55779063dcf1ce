using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnSakITaget.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChangeSignals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_revision",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_revision", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "data_revision",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 0L });

            // Every audited change and every survey response moves the data's revision on in its
            // own transaction, starting from the clock so that it never repeats a value an earlier
            // database handed out; every change to a node moves the tree's revision on. The
            // embedded database has one instance, which signals its own changes, so nothing needs
            // notifying. See ChangeSignals and ADR 0008.
            migrationBuilder.Sql("""
                UPDATE data_revision SET Value = CAST(strftime('%s', 'now') AS INTEGER) * 1000 WHERE Id = 1;
                CREATE TRIGGER move_data_revision_after_audit_entries_insert AFTER INSERT ON audit_entries
                BEGIN
                    INSERT OR IGNORE INTO data_revision (Id, Value) VALUES (1, 0);
                    UPDATE data_revision SET Value = Value + 1 WHERE Id = 1;
                END;
                CREATE TRIGGER move_data_revision_after_audit_entries_update AFTER UPDATE ON audit_entries
                BEGIN
                    INSERT OR IGNORE INTO data_revision (Id, Value) VALUES (1, 0);
                    UPDATE data_revision SET Value = Value + 1 WHERE Id = 1;
                END;
                CREATE TRIGGER move_data_revision_after_audit_entries_delete AFTER DELETE ON audit_entries
                BEGIN
                    INSERT OR IGNORE INTO data_revision (Id, Value) VALUES (1, 0);
                    UPDATE data_revision SET Value = Value + 1 WHERE Id = 1;
                END;
                CREATE TRIGGER move_data_revision_after_survey_responses_insert AFTER INSERT ON survey_responses
                BEGIN
                    INSERT OR IGNORE INTO data_revision (Id, Value) VALUES (1, 0);
                    UPDATE data_revision SET Value = Value + 1 WHERE Id = 1;
                END;
                CREATE TRIGGER move_data_revision_after_survey_responses_update AFTER UPDATE ON survey_responses
                BEGIN
                    INSERT OR IGNORE INTO data_revision (Id, Value) VALUES (1, 0);
                    UPDATE data_revision SET Value = Value + 1 WHERE Id = 1;
                END;
                CREATE TRIGGER move_data_revision_after_survey_responses_delete AFTER DELETE ON survey_responses
                BEGIN
                    INSERT OR IGNORE INTO data_revision (Id, Value) VALUES (1, 0);
                    UPDATE data_revision SET Value = Value + 1 WHERE Id = 1;
                END;
                CREATE TRIGGER move_tree_revision_after_library_nodes_insert AFTER INSERT ON library_nodes
                BEGIN
                    INSERT OR IGNORE INTO tree_revision (Id, Value) VALUES (1, 0);
                    UPDATE tree_revision SET Value = Value + 1 WHERE Id = 1;
                END;
                CREATE TRIGGER move_tree_revision_after_library_nodes_update AFTER UPDATE ON library_nodes
                BEGIN
                    INSERT OR IGNORE INTO tree_revision (Id, Value) VALUES (1, 0);
                    UPDATE tree_revision SET Value = Value + 1 WHERE Id = 1;
                END;
                CREATE TRIGGER move_tree_revision_after_library_nodes_delete AFTER DELETE ON library_nodes
                BEGIN
                    INSERT OR IGNORE INTO tree_revision (Id, Value) VALUES (1, 0);
                    UPDATE tree_revision SET Value = Value + 1 WHERE Id = 1;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER move_data_revision_after_audit_entries_insert;
                DROP TRIGGER move_data_revision_after_audit_entries_update;
                DROP TRIGGER move_data_revision_after_audit_entries_delete;
                DROP TRIGGER move_data_revision_after_survey_responses_insert;
                DROP TRIGGER move_data_revision_after_survey_responses_update;
                DROP TRIGGER move_data_revision_after_survey_responses_delete;
                DROP TRIGGER move_tree_revision_after_library_nodes_insert;
                DROP TRIGGER move_tree_revision_after_library_nodes_update;
                DROP TRIGGER move_tree_revision_after_library_nodes_delete;
                """);

            migrationBuilder.DropTable(
                name: "data_revision");
        }
    }
}
