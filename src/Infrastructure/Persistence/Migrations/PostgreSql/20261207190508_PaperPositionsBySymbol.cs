using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RiskPlatform.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PaperPositionsBySymbol : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_paper_positions_symbol",
                table: "paper_positions",
                column: "symbol");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_paper_positions_symbol",
                table: "paper_positions");
        }
    }
}
