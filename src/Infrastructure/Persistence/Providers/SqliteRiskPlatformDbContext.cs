using Microsoft.EntityFrameworkCore;

namespace RiskPlatform.Infrastructure.Persistence.Providers;

/// <summary>The embedded default. Owns Migrations/Sqlite.</summary>
public sealed class SqliteRiskPlatformDbContext(DbContextOptions<SqliteRiskPlatformDbContext> options) : RiskPlatformDbContext(options);
