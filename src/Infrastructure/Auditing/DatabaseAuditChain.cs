using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Auditing;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Infrastructure.Auditing;

/// <summary>
/// Links audit rows into one of <see cref="AuditOptions.Chains"/> chains. The head of the chain is read under the
/// transaction-scoped lock <c>audit-chain:{n}</c> (a PostgreSQL advisory lock, a SQL Server application lock; SQLite's
/// writers are serialised already), taken after the command's own writes and held until its commit, so links are never
/// forked or left dangling by a rollback. One request scope keeps to one chain, so a command and the commands it sends
/// never hold two chain locks (no lock-order deadlock).
/// </summary>
internal sealed class DatabaseAuditChain(
    RiskPlatformDbContext dbContext,
    IKeyedTransactionLock transactionLock,
    AuditHasher hasher,
    IOptions<AuditOptions> options) : IAuditChain
{
    private static int _next;

    /// <summary>The newest stored row of a chain: every audited command asks, on the writer's connection.</summary>
    private static readonly CompiledPerModel<Func<RiskPlatformDbContext, int, CancellationToken, Task<ChainHead?>>> StoredHead = new(() =>
        EF.CompileAsyncQuery((RiskPlatformDbContext db, int chain, CancellationToken _) =>
            db.Set<AuditLog>().AsNoTracking()
                .Where(a => a.Chain == chain && a.ChainSequence != null)
                .OrderByDescending(a => a.ChainSequence)
                .Select(a => new ChainHead(a.ChainSequence!.Value, a.Hash!))
                .FirstOrDefault()));

    private int? _chain;

    public static string LockKey(int chain) => $"audit-chain:{chain}";

    public async Task LinkAsync(AuditLog row, CancellationToken cancellationToken)
    {
        var chain = _chain ??= (int)((uint)Interlocked.Increment(ref _next) % (uint)Math.Max(1, options.Value.Chains));
        await transactionLock.AcquireAsync(LockKey(chain), cancellationToken);

        // The newest row of the chain, including one this scope added but has not saved yet. Audit rows are only ever added
        // (tracked at once), so the entries are read without detecting changes in every other tracked entity first.
        var pending = PendingHead(chain);
        var stored = await StoredHead.For(dbContext)(dbContext, chain, cancellationToken);
        var head = pending is not null && (stored is null || pending.Sequence > stored.Sequence) ? pending : stored;

        var sequence = (head?.Sequence ?? 0) + 1;
        var version = hasher.ActiveVersion;
        row.Link(chain, sequence, version, linked => hasher.Hash(version, head?.Hash, linked));
    }

    private ChainHead? PendingHead(int chain) =>
        dbContext.ChangeTracker.WithoutDetectingChanges(changes => changes.Entries<AuditLog>()
            .Select(e => e.Entity)
            .Where(a => a.Chain == chain && a.ChainSequence != null)
            .OrderByDescending(a => a.ChainSequence)
            .Select(a => new ChainHead(a.ChainSequence!.Value, a.Hash!))
            .FirstOrDefault());

    private sealed record ChainHead(long Sequence, string Hash);
}
