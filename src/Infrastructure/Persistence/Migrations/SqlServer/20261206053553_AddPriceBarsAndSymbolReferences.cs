using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RiskPlatform.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddPriceBarsAndSymbolReferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "price_bars",
                columns: table => new
                {
                    symbol = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    open = table.Column<decimal>(type: "decimal(18,8)", precision: 18, scale: 8, nullable: false),
                    high = table.Column<decimal>(type: "decimal(18,8)", precision: 18, scale: 8, nullable: false),
                    low = table.Column<decimal>(type: "decimal(18,8)", precision: 18, scale: 8, nullable: false),
                    close = table.Column<decimal>(type: "decimal(18,8)", precision: 18, scale: 8, nullable: false),
                    volume = table.Column<decimal>(type: "decimal(28,8)", precision: 28, scale: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_price_bars", x => new { x.symbol, x.date });
                });

            migrationBuilder.CreateTable(
                name: "symbol_references",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    symbol = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    sector = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    industry = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    asset_class = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    exchange = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    updated_at = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_symbol_references", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ux_symbol_references_symbol",
                table: "symbol_references",
                column: "symbol",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "price_bars");

            migrationBuilder.DropTable(
                name: "symbol_references");
        }
    }
}
