namespace RiskPlatform.Infrastructure.Brokers.Accounting;

/// <summary>How one broker call with a vault key ended, for the key's counters and its binding's status.</summary>
internal enum BrokerCallOutcome
{
    /// <summary>The broker answered (also with a business refusal such as 404 or 422): usage_count + 1; the binding is active.</summary>
    Used,

    /// <summary>Unreachable, timed out, 5xx, rate-limited: error_count + 1 and last_error; the binding only when the circuit opened.</summary>
    Failed,

    /// <summary>The broker refused the credentials (401/403): counts toward deactivation; the binding becomes unavailable.</summary>
    Rejected,

    /// <summary>The key cannot be used (revoked, expired, inactive, corrupt): nothing was sent; the binding becomes unavailable.</summary>
    Unusable,
}
