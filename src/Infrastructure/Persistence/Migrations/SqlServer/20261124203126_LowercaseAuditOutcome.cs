using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RiskPlatform.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class LowercaseAuditOutcome : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Data only: audit outcomes are stored as the wire contract spells them (succeeded, failed, denied).
            migrationBuilder.Sql("UPDATE audit_logs SET outcome = LOWER(outcome);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "UPDATE audit_logs SET outcome = CASE outcome WHEN 'succeeded' THEN 'Succeeded' WHEN 'failed' THEN 'Failed' "
                + "WHEN 'denied' THEN 'Denied' ELSE outcome END;");
        }
    }
}
