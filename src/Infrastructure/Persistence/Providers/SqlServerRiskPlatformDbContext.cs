using Microsoft.EntityFrameworkCore;

namespace RiskPlatform.Infrastructure.Persistence.Providers;

/// <summary>SQL Server. Owns Migrations/SqlServer; checked here through its idempotent script only (no SQL Server runs on our machines).</summary>
public sealed class SqlServerRiskPlatformDbContext(DbContextOptions<SqlServerRiskPlatformDbContext> options) : RiskPlatformDbContext(options);
