using Microsoft.EntityFrameworkCore;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Persistence;

/// <summary>
/// A transaction-scoped lock per user: PostgreSQL advisory lock, SQL Server application lock. SQLite needs none: its write
/// transactions begin IMMEDIATE, so writers are already serialised for the whole database. A command that left its transaction
/// part-way (to call an external broker) begins its next one here.
/// </summary>
internal sealed class DatabaseTradingLock(RiskPlatformDbContext dbContext, UnitOfWork unitOfWork) : ITradingLock
{
    public async Task AcquireAsync(Guid userId, CancellationToken cancellationToken)
    {
        await unitOfWork.ResumeAsync(cancellationToken);
        if (dbContext.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The trading lock is transaction-scoped; acquire it inside a command.");
        }

        var key = BitConverter.ToInt64(userId.ToByteArray(), 8);
        var resource = $"riskplatform-trading-{userId:N}";
        await (dbContext.Database.ProviderName switch
        {
            "Npgsql.EntityFrameworkCore.PostgreSQL" =>
                dbContext.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken),
            "Microsoft.EntityFrameworkCore.SqlServer" =>
                dbContext.Database.ExecuteSqlInterpolatedAsync(
                    $"EXEC sp_getapplock @Resource = {resource}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 10000",
                    cancellationToken),
            _ => Task.FromResult(0),
        });
    }
}
