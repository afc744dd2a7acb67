using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RiskPlatform.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class NotificationDigests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "digest_interval_minutes",
                table: "notification_preferences",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "digest_leader_id",
                table: "notification_deliveries",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_notification_deliveries_digest_leader",
                table: "notification_deliveries",
                column: "digest_leader_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notification_deliveries_digest_leader",
                table: "notification_deliveries");

            migrationBuilder.DropColumn(
                name: "digest_interval_minutes",
                table: "notification_preferences");

            migrationBuilder.DropColumn(
                name: "digest_leader_id",
                table: "notification_deliveries");
        }
    }
}
