using Microsoft.EntityFrameworkCore;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Persistence;

/// <summary>
/// A transaction-scoped lock per user: PostgreSQL advisory lock, SQL Server application lock. SQLite needs none: its write
/// transactions begin IMMEDIATE, so writers are already serialised for the whole database.
/// </summary>
internal sealed class DatabaseTradingLock(RiskPlatformDbContext dbContext) : ITradingLock
{
    public Task AcquireAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (dbContext.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The trading lock is transaction-scoped; acquire it inside a command.");
        }

        var key = BitConverter.ToInt64(userId.ToByteArray(), 8);
        var resource = $"riskplatform-trading-{userId:N}";
        return dbContext.Database.ProviderName switch
        {
            "Npgsql.EntityFrameworkCore.PostgreSQL" =>
                dbContext.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken),
            "Microsoft.EntityFrameworkCore.SqlServer" =>
                dbContext.Database.ExecuteSqlInterpolatedAsync(
                    $"EXEC sp_getapplock @Resource = {resource}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 10000",
                    cancellationToken),
            _ => Task.CompletedTask,
        };
    }
}
