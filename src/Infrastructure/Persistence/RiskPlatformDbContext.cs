using Microsoft.EntityFrameworkCore;
using RiskPlatform.Domain.Common;
using RiskPlatform.Infrastructure.Persistence.Conventions;

namespace RiskPlatform.Infrastructure.Persistence;

/// <summary>
/// The one DbContext. Each database provider has a derived type (see Providers/) only so that it can own its migrations.
/// </summary>
public abstract class RiskPlatformDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RiskPlatformDbContext).Assembly);

        // snake_case columns, like the tables, on every provider.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase.Of(property.Name));
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; SQLite and SQL Server hand DateTime back unspecified, so it is marked UTC on the way in.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();

        // Money and quantities: 28 significant digits, 8 after the point, unless a configuration says otherwise.
        configurationBuilder.Properties<decimal>().HavePrecision(28, 8);
    }
}
