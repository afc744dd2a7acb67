using Microsoft.EntityFrameworkCore.Design;

namespace RiskPlatform.Infrastructure.Persistence.Providers;

// Used only by `dotnet ef` (see README): each provider's migrations are generated against its own context type.
// The connection strings are placeholders; generating migrations never connects.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRiskPlatformDbContext>
{
    public SqliteRiskPlatformDbContext CreateDbContext(string[] args) =>
        (SqliteRiskPlatformDbContext)DbContextOptionsFactory.Create(DatabaseProvider.Sqlite, "Data Source=design-time.db");
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlRiskPlatformDbContext>
{
    public PostgreSqlRiskPlatformDbContext CreateDbContext(string[] args) =>
        (PostgreSqlRiskPlatformDbContext)DbContextOptionsFactory.Create(DatabaseProvider.PostgreSql, "Host=localhost;Database=riskplatform");
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerRiskPlatformDbContext>
{
    public SqlServerRiskPlatformDbContext CreateDbContext(string[] args) =>
        (SqlServerRiskPlatformDbContext)DbContextOptionsFactory.Create(DatabaseProvider.SqlServer, "Server=localhost;Database=RiskPlatform;TrustServerCertificate=True");
}
