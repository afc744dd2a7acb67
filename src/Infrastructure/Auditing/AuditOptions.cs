namespace RiskPlatform.Infrastructure.Auditing;

/// <summary>Section <c>Audit</c>: the HMAC key ring that keys the audit chain, and how many chains rows are spread over.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>Base64 of at least 32 random bytes per version. Keep every version any row names, or verification fails for them.</summary>
    public Dictionary<int, string> HmacKeys { get; set; } = [];

    /// <summary>The version new rows are keyed with; 0 (no keys) links rows with plain SHA-256, which shows accidents, not tampering.</summary>
    public int ActiveHmacKeyVersion { get; set; }

    /// <summary>Independent chains: a writer locks only the head of its own, so up to this many commands commit at once.</summary>
    public int Chains { get; set; } = 8;

    /// <summary>Rows whose write failed, kept in memory for retry (see the retry queue).</summary>
    public int RetryQueueCapacity { get; set; } = 10_000;
}
