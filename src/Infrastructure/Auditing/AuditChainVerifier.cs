using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Domain.Auditing;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Infrastructure.Auditing;

/// <summary>
/// Walks every chain in order and recomputes each link. The first row whose hash does not match (altered, or moved to
/// another place), or a gap in a chain's sequence (rows removed), is reported; so is a row keyed with a key that is no longer
/// configured. Rows written before chaining existed are counted, not checked. Removing the newest rows of a chain leaves a
/// shorter valid chain: compare <see cref="AuditChainReport.Heads"/> with a copy kept elsewhere to catch that.
/// </summary>
internal sealed class AuditChainVerifier(RiskPlatformDbContext dbContext, AuditHasher hasher)
{
    public async Task<AuditChainReport> VerifyAsync(CancellationToken cancellationToken)
    {
        var unchained = await dbContext.Set<AuditLog>().CountAsync(a => a.ChainSequence == null, cancellationToken);
        var heads = new SortedDictionary<int, (long Sequence, string Hash)>();
        var checkedRows = 0L;
        int? chain = null;
        string? previousHash = null;
        long expected = 1;

        var rows = dbContext.Set<AuditLog>().AsNoTracking()
            .Where(a => a.ChainSequence != null)
            .OrderBy(a => a.Chain).ThenBy(a => a.ChainSequence)
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (row.Chain != chain)
            {
                (chain, previousHash, expected) = (row.Chain, null, 1);
            }

            var where = $"chain {row.Chain}, row #{row.ChainSequence} (id {row.Id}, {row.Action} at {row.Timestamp:O})";
            if (row.ChainSequence != expected)
            {
                return AuditChainReport.Broken(checkedRows, unchained, heads,
                    $"chain {row.Chain}: rows #{expected} to #{row.ChainSequence - 1} are missing (removed) before {where}");
            }

            if (!hasher.HasKey(row.HmacKeyVersion))
            {
                return AuditChainReport.Broken(checkedRows, unchained, heads,
                    $"{where} is keyed with Audit:HmacKeys:{row.HmacKeyVersion}, which is not configured");
            }

            if (!string.Equals(hasher.Hash(row.HmacKeyVersion, previousHash, row), row.Hash, StringComparison.Ordinal))
            {
                return AuditChainReport.Broken(checkedRows, unchained, heads, $"{where} does not match its hash: it was altered or reordered");
            }

            previousHash = row.Hash;
            heads[row.Chain] = (row.ChainSequence!.Value, row.Hash!);
            expected++;
            checkedRows++;
        }

        return new AuditChainReport(true, checkedRows, unchained, heads, null);
    }
}

/// <summary>The entry point of <c>audit verify</c> (and of the tests): verifies in a scope of its own.</summary>
public static class AuditChainVerification
{
    public static async Task<AuditChainReport> VerifyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(cancellationToken);
    }
}
