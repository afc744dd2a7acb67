using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RiskPlatform.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sectors",
                table: "risk_rules",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");
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
