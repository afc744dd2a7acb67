namespace RiskPlatform.Application.ApiKeys.Common;

/// <summary>Configuration section "Vault".</summary>
public sealed class VaultOptions
{
    public const string SectionName = "Vault";

    /// <summary>Non-revoked keys a user may hold.</summary>
    public int MaxKeysPerUser { get; set; } = 25;

    /// <summary>
    /// Revoked keys in the unpaged <c>GET /api-keys</c> (the most recently revoked); the others are reached with
    /// <c>?status=revoked&amp;limit=…&amp;offset=…</c>. Zero leaves revoked keys out of the unpaged list.
    /// </summary>
    public int RevokedKeysListed { get; set; } = 20;

    /// <summary>How often the background sweep marks expired keys and raises expiry notices.</summary>
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows re-encrypted per transaction by <c>keys rewrap</c>.</summary>
    public int RewrapBatchSize { get; set; } = 100;
}
