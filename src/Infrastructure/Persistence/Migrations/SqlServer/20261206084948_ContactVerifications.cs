using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RiskPlatform.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ContactVerifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notification_contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    user_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    channel = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    address = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: false),
                    verified_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    code_hash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: true),
                    code_expires_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    failed_attempts = table.Column<int>(type: "int", nullable: false),
                    sends_in_window = table.Column<int>(type: "int", nullable: false),
                    send_window_started_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    last_sent_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    created_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    updated_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_contacts", x => x.id);
                    table.ForeignKey(
                        name: "FK_notification_contacts_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_notification_contacts_user_channel_address",
                table: "notification_contacts",
                columns: new[] { "user_id", "channel", "address" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notification_contacts");
        }
    }
}
