using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RiskPlatform.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SignInRecordsPurgeIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_refresh_tokens_session_end",
                table: "refresh_tokens",
                column: "session_expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_login_attempts_attempted_at",
                table: "login_attempts",
                column: "attempted_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_refresh_tokens_session_end",
                table: "refresh_tokens");

            migrationBuilder.DropIndex(
                name: "ix_login_attempts_attempted_at",
                table: "login_attempts");
        }
    }
}
