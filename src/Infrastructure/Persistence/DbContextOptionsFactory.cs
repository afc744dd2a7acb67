using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RiskPlatform.Infrastructure.Persistence.Providers;

namespace RiskPlatform.Infrastructure.Persistence;

/// <summary>Provider-specific options in one place: used by the service, the design-time factories and the tests.</summary>
public static class DbContextOptionsFactory
{
    /// <summary>Prepared statements kept per physical connection (Npgsql's default is 0: none).</summary>
    public const int PostgreSqlMaxAutoPrepare = 64;

    /// <summary>Executions of the same SQL on a connection before Npgsql prepares it (Npgsql's default is 5).</summary>
    public const int PostgreSqlAutoPrepareMinUsages = 2;

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
                builder.UseNpgsql(WithPostgreSqlDefaults(connectionString), o => o.MigrationsAssembly(typeof(RiskPlatformDbContext).Assembly.FullName));
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(typeof(RiskPlatformDbContext).Assembly.FullName));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }
    }

    /// <summary>
    /// Turns on Npgsql's automatic preparation of the statements a connection runs repeatedly (the service's SQL is a small,
    /// fixed set), unless the connection string sets <c>Max Auto Prepare</c> or <c>Auto Prepare Min Usages</c> itself
    /// (<c>Max Auto Prepare=0</c> turns it off, e.g. behind a PgBouncer that cannot keep prepared statements).
    /// </summary>
    public static string WithPostgreSqlDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var keys = given.Keys.Cast<string>().Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal)).ToList();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!keys.Contains("MaxAutoPrepare", StringComparer.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = PostgreSqlMaxAutoPrepare;
        }

        if (!keys.Contains("AutoPrepareMinUsages", StringComparer.OrdinalIgnoreCase))
        {
            builder.AutoPrepareMinUsages = PostgreSqlAutoPrepareMinUsages;
        }

        return builder.ConnectionString;
    }

    public static RiskPlatformDbContext Create(DatabaseProvider provider, string connectionString)
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(ContextType(provider)))!;
        Configure(builder, provider, connectionString);
        return (RiskPlatformDbContext)Activator.CreateInstance(ContextType(provider), builder.Options)!;
    }
}
