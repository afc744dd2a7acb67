using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RiskPlatform.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OpenOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_orders_symbol_open",
                table: "orders",
                columns: new[] { "symbol", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_user_open",
                table: "orders",
                columns: new[] { "user_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_symbol_open",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_user_open",
                table: "orders");
        }
    }
}
