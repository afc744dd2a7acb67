namespace RiskPlatform.Domain.ApiKeys;

/// <summary>What the broker said when the credentials were checked against it.</summary>
public enum VerificationOutcome
{
    /// <summary>The broker accepted the credentials.</summary>
    Ok,

    /// <summary>The broker refused the credentials (401/403 or equivalent).</summary>
    Rejected,

    /// <summary>The broker could not be reached (network error, timeout, 5xx); says nothing about the credentials.</summary>
    Unreachable,

    /// <summary>No broker check exists for this broker; only the stored ciphertext's integrity was checked.</summary>
    Unsupported,
}
