using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RiskPlatform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPriceBarsAndSymbolReferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // WITHOUT ROWID: the rows are stored in the primary key's b-tree itself, so the 12.6 million bars of 5,000 symbols
            // × 10 years are kept once, not once in a rowid table and again in the key's index (EF cannot say this).
            migrationBuilder.Sql(
                """
                CREATE TABLE "price_bars" (
                    "symbol" TEXT NOT NULL,
                    "date" TEXT NOT NULL,
                    "open" TEXT NOT NULL,
                    "high" TEXT NOT NULL,
                    "low" TEXT NOT NULL,
                    "close" TEXT NOT NULL,
                    "volume" TEXT NOT NULL,
                    CONSTRAINT "pk_price_bars" PRIMARY KEY ("symbol", "date")
                ) WITHOUT ROWID;
                """);

            migrationBuilder.CreateTable(
                name: "symbol_references",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    symbol = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    sector = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    industry = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    asset_class = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    exchange = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
