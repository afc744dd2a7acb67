using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RiskPlatform.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Portfolio : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "breach_episodes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    user_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    rule_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    rule_name = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    rule_type = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    threshold_unit = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    action = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    symbol = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    started_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ended_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    first_observed = table.Column<decimal>(type: "decimal(38,16)", precision: 38, scale: 16, nullable: false),
                    worst_observed = table.Column<decimal>(type: "decimal(38,16)", precision: 38, scale: 16, nullable: false),
                    worst_observed_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    limit = table.Column<decimal>(type: "decimal(38,16)", precision: 38, scale: 16, nullable: false),
                    action_taken_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    end_reason = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    created_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    updated_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_breach_episodes", x => x.id);
                    table.ForeignKey(
                        name: "FK_breach_episodes_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "equity_snapshots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    user_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    equity = table.Column<decimal>(type: "decimal(38,16)", precision: 38, scale: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_equity_snapshots", x => x.id);
                    table.ForeignKey(
                        name: "FK_equity_snapshots_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "portfolio_states",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    user_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    trading_day_kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    time_zone_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    current_day_start = table.Column<DateTime>(type: "datetime2", nullable: false),
                    next_day_start = table.Column<DateTime>(type: "datetime2", nullable: false),
                    day_start_equity = table.Column<decimal>(type: "decimal(38,16)", precision: 38, scale: 16, nullable: false),
                    last_equity = table.Column<decimal>(type: "decimal(38,16)", precision: 38, scale: 16, nullable: false),
                    last_marked_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    high_water_mark = table.Column<decimal>(type: "decimal(38,16)", precision: 38, scale: 16, nullable: false),
                    high_water_mark_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    max_drawdown_percent = table.Column<decimal>(type: "decimal(38,16)", precision: 38, scale: 16, nullable: false),
                    trading_state = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    trading_state_reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    trading_state_since = table.Column<DateTime>(type: "datetime2", nullable: false),
                    reducing_until = table.Column<DateTime>(type: "datetime2", nullable: true),
                    created_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    updated_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_portfolio_states", x => x.id);
                    table.ForeignKey(
                        name: "FK_portfolio_states_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_breach_episodes_rule_recent",
                table: "breach_episodes",
                columns: new[] { "rule_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_breach_episodes_user_open",
                table: "breach_episodes",
                columns: new[] { "user_id", "ended_at" });

            migrationBuilder.CreateIndex(
                name: "ix_equity_snapshots_user_history",
                table: "equity_snapshots",
                columns: new[] { "user_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ux_portfolio_states_user",
                table: "portfolio_states",
                column: "user_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "breach_episodes");

            migrationBuilder.DropTable(
                name: "equity_snapshots");

            migrationBuilder.DropTable(
                name: "portfolio_states");
        }
    }
}
