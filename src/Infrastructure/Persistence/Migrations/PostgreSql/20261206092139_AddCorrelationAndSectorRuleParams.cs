using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RiskPlatform.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddCorrelationAndSectorRuleParams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "lookback_days",
                table: "risk_rules",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "sectors",
                table: "risk_rules",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "lookback_days",
                table: "risk_rules");

            migrationBuilder.DropColumn(
                name: "sectors",
                table: "risk_rules");
        }
    }
}
