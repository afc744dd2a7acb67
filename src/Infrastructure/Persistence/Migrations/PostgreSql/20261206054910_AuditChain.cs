using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RiskPlatform.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "chain",
                table: "audit_logs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "chain_sequence",
                table: "audit_logs",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "hash",
                table: "audit_logs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "hmac_key_version",
                table: "audit_logs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "ux_audit_logs_chain_sequence",
                table: "audit_logs",
                columns: new[] { "chain", "chain_sequence" },
                unique: true);

            // Append-only: no UPDATE or DELETE of an audit row, whoever sends it (docs/decisions/024). TRUNCATE and disabling
            // the trigger stay with the table's owner; a service account with only INSERT and SELECT has neither.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_logs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit_logs is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
                END
                $$;
                CREATE TRIGGER audit_logs_append_only BEFORE UPDATE OR DELETE ON audit_logs
                    FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER audit_logs_append_only ON audit_logs;
                DROP FUNCTION audit_logs_append_only();
                """);

            migrationBuilder.DropIndex(
                name: "ux_audit_logs_chain_sequence",
                table: "audit_logs");

            migrationBuilder.DropColumn(
                name: "chain",
                table: "audit_logs");

            migrationBuilder.DropColumn(
                name: "chain_sequence",
                table: "audit_logs");

            migrationBuilder.DropColumn(
                name: "hash",
                table: "audit_logs");

            migrationBuilder.DropColumn(
                name: "hmac_key_version",
                table: "audit_logs");
        }
    }
}
