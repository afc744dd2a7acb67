namespace RiskPlatform.Domain.ApiKeys;

/// <summary>Stored status of an API key. Use <see cref="ApiKey.EffectiveStatus"/> to read it: a key past its expiry reads as expired.</summary>
public enum ApiKeyStatus
{
    Active,
    Inactive,
    Expired,
    Revoked,
}
