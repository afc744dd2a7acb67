using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RiskPlatform.Infrastructure.Persistence.Migrations.PostgreSql
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "webhook_endpoint_id",
                table: "notification_deliveries",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "webhook_endpoints",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    notification_types = table.Column<string>(type: "character varying(214)", maxLength: 214, nullable: false),
                    secret = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    previous_secret = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    previous_secret_expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    consecutive_failures = table.Column<int>(type: "integer", nullable: false),
                    last_success_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_failure_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    disabled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    disabled_reason = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
