using Microsoft.EntityFrameworkCore;
using RiskPlatform.Infrastructure.Persistence.Providers;

namespace RiskPlatform.Infrastructure.Persistence;

/// <summary>Provider-specific options in one place: used by the service, the design-time factories and the tests.</summary>
public static class DbContextOptionsFactory
{
    public static Type ContextType(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => typeof(SqliteRiskPlatformDbContext),
        DatabaseProvider.PostgreSql => typeof(PostgreSqlRiskPlatformDbContext),
        DatabaseProvider.SqlServer => typeof(SqlServerRiskPlatformDbContext),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };

    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(RiskPlatformDbContext).Assembly.FullName));
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(RiskPlatformDbContext).Assembly.FullName));
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(typeof(RiskPlatformDbContext).Assembly.FullName));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }
    }

    public static RiskPlatformDbContext Create(DatabaseProvider provider, string connectionString)
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(ContextType(provider)))!;
        Configure(builder, provider, connectionString);
        return (RiskPlatformDbContext)Activator.CreateInstance(ContextType(provider), builder.Options)!;
    }
}
