using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RiskPlatform.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Vault : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    user_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    broker = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    account_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    base_url = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: true),
                    is_paper_trading = table.Column<bool>(type: "bit", nullable: false),
                    is_default = table.Column<bool>(type: "bit", nullable: false),
                    status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    key_hint = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    secret_hint = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    encrypted_api_key = table.Column<byte[]>(type: "varbinary(2048)", maxLength: 2048, nullable: true),
                    encrypted_api_secret = table.Column<byte[]>(type: "varbinary(max)", maxLength: 8192, nullable: true),
                    master_key_version = table.Column<int>(type: "int", nullable: false),
                    usage_count = table.Column<long>(type: "bigint", nullable: false),
                    error_count = table.Column<int>(type: "int", nullable: false),
                    consecutive_rejections = table.Column<int>(type: "int", nullable: false),
                    last_error = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    last_used_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    last_verified_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    last_rotated_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    expires_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    revoked_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    expiry_notice_sent = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    updated_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.id);
                    table.ForeignKey(
                        name: "FK_api_keys_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_expires_at",
                table: "api_keys",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_master_key_version",
                table: "api_keys",
                column: "master_key_version");

            migrationBuilder.CreateIndex(
                name: "ux_api_keys_user_broker_default",
                table: "api_keys",
                columns: new[] { "user_id", "broker" },
                unique: true,
                filter: "is_default = '1'");

            migrationBuilder.CreateIndex(
                name: "ux_api_keys_user_live_name",
                table: "api_keys",
                columns: new[] { "user_id", "name" },
                unique: true,
                filter: "status <> 'Revoked'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys");
        }
    }
}
