using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Persistence;

/// <summary>
/// A transaction-scoped lock per key: PostgreSQL advisory lock, SQL Server application lock. SQLite needs none: its write
/// transactions begin IMMEDIATE, so writers are already serialised for the whole database (and inside an account's actor the
/// trading lock is the actor itself). A command that left its transaction
/// part-way (to call an external broker) begins its next one here. The trading lock is the lock keyed by the user.
/// </summary>
internal sealed class DatabaseTransactionLock(RiskPlatformDbContext dbContext, UnitOfWork unitOfWork) : ITradingLock, IKeyedTransactionLock
{
    private const string PostgreSql = "Npgsql.EntityFrameworkCore.PostgreSQL";
    private const string SqlServer = "Microsoft.EntityFrameworkCore.SqlServer";
    private string? _provider;

    /// <summary>EF Core finds the provider's name by reflection on each call; a quote batch asks once per symbol.</summary>
    private string Provider => _provider ??= dbContext.Database.ProviderName ?? string.Empty;

    /// <remarks>
    /// On SQLite inside the account's actor there is nothing to take: the actor is the account's one writer, and the command's
    /// write transaction begins at its first write (<see cref="UnitOfWork.ReadsOutsideTheWriter"/>).
    /// </remarks>
    public Task AcquireAsync(Guid userId, CancellationToken cancellationToken) => unitOfWork.ReadsOutsideTheWriter
        ? Task.CompletedTask
        : AcquireAsync(BitConverter.ToInt64(userId.ToByteArray(), 8), $"riskplatform-trading-{userId:N}", cancellationToken);

    public Task AcquireAsync(string key, CancellationToken cancellationToken)
    {
        if (Provider is not (PostgreSql or SqlServer))
        {
            return AcquireAsync(0, string.Empty, cancellationToken);
        }

        // 64 bits of SHA-256 name the PostgreSQL lock; SQL Server's resource names are limited to 255 characters, so it gets the hash too.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return AcquireAsync(BitConverter.ToInt64(hash, 0), $"riskplatform-{Convert.ToHexString(hash)}", cancellationToken);
    }

    /// <summary>
    /// PostgreSQL: every key's advisory lock in one statement, in the order of their 64-bit keys (the same for every caller).
    /// Elsewhere one key at a time, in ordinal order of the keys (SQL Server), or nothing (SQLite).
    /// </summary>
    public async Task AcquireAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (Provider != PostgreSql || keys.Count <= 1)
        {
            foreach (var key in keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                await AcquireAsync(key, cancellationToken);
            }

            return;
        }

        await unitOfWork.ResumeAsync(cancellationToken);
        if (dbContext.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The lock is transaction-scoped; acquire it inside a command.");
        }

        var advisoryKeys = keys.Select(k => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(k)), 0)).Distinct().Order().ToArray();
        await dbContext.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT pg_advisory_xact_lock(k) FROM unnest({advisoryKeys}) WITH ORDINALITY AS t(k, n) ORDER BY n", cancellationToken);
    }

    private async Task AcquireAsync(long advisoryKey, string resource, CancellationToken cancellationToken)
    {
        await unitOfWork.ResumeAsync(cancellationToken);
        if (dbContext.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The lock is transaction-scoped; acquire it inside a command.");
        }

        await (Provider switch
        {
            PostgreSql =>
                dbContext.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({advisoryKey})", cancellationToken),
            SqlServer =>
                dbContext.Database.ExecuteSqlInterpolatedAsync(
                    $"EXEC sp_getapplock @Resource = {resource}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 10000",
                    cancellationToken),
            _ => Task.FromResult(0),
        });
    }
}
