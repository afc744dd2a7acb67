using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RiskPlatform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NotificationChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "external_id",
                table: "notification_deliveries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "webhook_endpoint_id",
                table: "notification_deliveries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "webhook_endpoints",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    notification_types = table.Column<string>(type: "TEXT", maxLength: 214, nullable: false),
                    secret = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    previous_secret = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    previous_secret_expires_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    consecutive_failures = table.Column<int>(type: "INTEGER", nullable: false),
                    last_success_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_failure_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    disabled_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    disabled_reason = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_endpoints", x => x.id);
                    table.ForeignKey(
                        name: "FK_webhook_endpoints_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notification_deliveries_external_id",
                table: "notification_deliveries",
                column: "external_id");

            migrationBuilder.CreateIndex(
                name: "ix_notification_deliveries_user_channel_recent",
                table: "notification_deliveries",
                columns: new[] { "user_id", "channel", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_endpoints_user",
                table: "webhook_endpoints",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "webhook_endpoints");

            migrationBuilder.DropIndex(
                name: "ix_notification_deliveries_external_id",
                table: "notification_deliveries");

            migrationBuilder.DropIndex(
                name: "ix_notification_deliveries_user_channel_recent",
                table: "notification_deliveries");

            migrationBuilder.DropColumn(
                name: "external_id",
                table: "notification_deliveries");

            migrationBuilder.DropColumn(
                name: "webhook_endpoint_id",
                table: "notification_deliveries");
        }
    }
}
