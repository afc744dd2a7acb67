namespace RiskPlatform.Infrastructure.Auditing;

/// <summary>What <c>audit verify</c> found: rows checked, rows from before chaining, each chain's head, and the first break.</summary>
public sealed record AuditChainReport(
    bool Intact,
    long CheckedRows,
    int UnchainedRows,
    IReadOnlyDictionary<int, (long Sequence, string Hash)> Heads,
    string? FirstBreak)
{
    public static AuditChainReport Broken(long checkedRows, int unchained, IReadOnlyDictionary<int, (long Sequence, string Hash)> heads, string firstBreak) =>
        new(false, checkedRows, unchained, heads, firstBreak);
}
