using Microsoft.EntityFrameworkCore;

namespace RiskPlatform.Infrastructure.Persistence.Providers;

/// <summary>The server database (Npgsql). Owns Migrations/PostgreSql.</summary>
public sealed class PostgreSqlRiskPlatformDbContext(DbContextOptions<PostgreSqlRiskPlatformDbContext> options) : RiskPlatformDbContext(options);
