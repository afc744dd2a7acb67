using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RiskPlatform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Trading : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "market_quotes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    symbol = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    bid = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: false),
                    ask = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: false),
                    last = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_market_quotes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    client_order_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    symbol = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    side = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    time_in_force = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    requested_quantity = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: false),
                    quantity = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: false),
                    limit_price = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: true),
                    strategy_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    broker_order_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    filled_quantity = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: false),
                    average_fill_price = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: true),
                    reject_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    decision_outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    binding_rule_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    binding_rule_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    alerts = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    submitted_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    filled_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    cancelled_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders", x => x.id);
                    table.ForeignKey(
                        name: "FK_orders_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "paper_accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    starting_cash = table.Column<decimal>(type: "TEXT", precision: 38, scale: 16, nullable: false),
                    cash = table.Column<decimal>(type: "TEXT", precision: 38, scale: 16, nullable: false),
                    realized_pnl = table.Column<decimal>(type: "TEXT", precision: 38, scale: 16, nullable: false),
                    day_start_equity = table.Column<decimal>(type: "TEXT", precision: 38, scale: 16, nullable: false),
                    trading_day = table.Column<DateTime>(type: "TEXT", nullable: false),
                    equity_high_water_mark = table.Column<decimal>(type: "TEXT", precision: 38, scale: 16, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_paper_accounts", x => x.id);
                    table.ForeignKey(
                        name: "FK_paper_accounts_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "paper_orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    paper_account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    client_order_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    symbol = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    side = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    time_in_force = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    quantity = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: false),
                    filled_quantity = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: false),
                    limit_price = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: true),
                    average_fill_price = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    filled_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    cancelled_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    expired_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    reject_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_paper_orders", x => x.id);
                    table.ForeignKey(
                        name: "FK_paper_orders_paper_accounts_paper_account_id",
                        column: x => x.paper_account_id,
                        principalTable: "paper_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "paper_positions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    paper_account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    symbol = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    quantity = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: false),
                    average_entry_price = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: false),
                    cost_basis = table.Column<decimal>(type: "TEXT", precision: 38, scale: 16, nullable: false),
                    realized_pnl = table.Column<decimal>(type: "TEXT", precision: 38, scale: 16, nullable: false),
                    opened_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_paper_positions", x => x.id);
                    table.ForeignKey(
                        name: "FK_paper_positions_paper_accounts_paper_account_id",
                        column: x => x.paper_account_id,
                        principalTable: "paper_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_market_quotes_symbol",
                table: "market_quotes",
                column: "symbol",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_user_broker_order",
                table: "orders",
                columns: new[] { "user_id", "broker_order_id" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_user_created",
                table: "orders",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_user_submitted",
                table: "orders",
                columns: new[] { "user_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ux_orders_user_client_order_id",
                table: "orders",
                columns: new[] { "user_id", "client_order_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_paper_accounts_user",
                table: "paper_accounts",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_paper_orders_symbol_status",
                table: "paper_orders",
                columns: new[] { "symbol", "status" });

            migrationBuilder.CreateIndex(
                name: "ux_paper_orders_account_client_order_id",
                table: "paper_orders",
                columns: new[] { "paper_account_id", "client_order_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_paper_positions_account_symbol",
                table: "paper_positions",
                columns: new[] { "paper_account_id", "symbol" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "market_quotes");

            migrationBuilder.DropTable(
                name: "orders");

            migrationBuilder.DropTable(
                name: "paper_orders");

            migrationBuilder.DropTable(
                name: "paper_positions");

            migrationBuilder.DropTable(
                name: "paper_accounts");
        }
    }
}
