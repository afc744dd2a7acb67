using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RiskPlatform.Infrastructure.Persistence;

public static class DatabaseMigrator
{
    /// <summary>Applies the provider's pending migrations, unless <c>Database:ApplyMigrationsOnStartup</c> is false.</summary>
    public static async Task MigrateIfEnabledAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (!options.ApplyMigrationsOnStartup)
        {
            return;
        }

        var dbContext = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));
        var pending = (await dbContext.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {MigrationCount} {Provider} migration(s)", pending.Count, options.Provider);
            await dbContext.Database.MigrateAsync(cancellationToken);
        }
    }
}
