namespace RiskPlatform.Domain.ApiKeys;

/// <summary>The expiry notices an API key can send, in order. Each is raised at most once per expiry date.</summary>
public enum ExpiryNotice
{
    None,

    /// <summary>The key expires within <see cref="ApiKey.ExpiryWarningPeriod"/>.</summary>
    ExpiresSoon,

    /// <summary>The key has expired.</summary>
    Expired,
}
