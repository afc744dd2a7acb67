namespace RiskPlatform.Infrastructure.Brokers.Alpaca;

/// <summary>Why an Alpaca call failed.</summary>
internal enum AlpacaFailure
{
    /// <summary>Timeout, network error, 5xx, redirect, oversized or malformed body: says nothing about the key.</summary>
    Unreachable,

    /// <summary>Alpaca refused the credentials (401, or 403 that is not a business refusal).</summary>
    CredentialsRejected,

    /// <summary>429 with a Retry-After too long to wait.</summary>
    RateLimited,

    /// <summary>The key's circuit is open: nothing was sent.</summary>
    CircuitOpen,
}
