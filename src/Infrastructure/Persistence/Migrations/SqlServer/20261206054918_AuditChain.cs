using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RiskPlatform.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "int",
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
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "hmac_key_version",
                table: "audit_logs",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "ux_audit_logs_chain_sequence",
                table: "audit_logs",
                columns: new[] { "chain", "chain_sequence" },
                unique: true,
                filter: "[chain_sequence] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
