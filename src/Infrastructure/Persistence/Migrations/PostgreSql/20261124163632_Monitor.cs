using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RiskPlatform.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Monitor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "episode_id",
                table: "risk_breaches",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "monitor_actions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    episode_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    symbol = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    client_order_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_attempt_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    result = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    order_id = table.Column<Guid>(type: "uuid", nullable: true),
                    completed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitor_actions", x => x.id);
                    table.ForeignKey(
                        name: "FK_monitor_actions_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_risk_breaches_episode",
                table: "risk_breaches",
                column: "episode_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitor_actions_episode",
                table: "monitor_actions",
                column: "episode_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitor_actions_pending_users",
                table: "monitor_actions",
                columns: new[] { "status", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_monitor_actions_user_pending",
                table: "monitor_actions",
                columns: new[] { "user_id", "status", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "monitor_actions");

            migrationBuilder.DropIndex(
                name: "ix_risk_breaches_episode",
                table: "risk_breaches");

            migrationBuilder.DropColumn(
                name: "episode_id",
                table: "risk_breaches");
        }
    }
}
