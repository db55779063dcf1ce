using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnSakITaget.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ChangeSignals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.InsertData(
                schema: "audit",
                table: "data_revision",
                columns: new[] { "id", "value" },
                values: new object[] { 1, 0L });

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
                name: "data_revision",
                schema: "audit");
        }
    }
}
