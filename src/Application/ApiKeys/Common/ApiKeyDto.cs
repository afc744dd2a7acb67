using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Common;

/// <summary>
/// An API key as clients see it: never the key or the secret, only their hints. <see cref="Status"/> is the effective
/// status at the time of the response (a key past its expiry reads as expired), so it is mapped in memory, not projected.
/// </summary>
public sealed record ApiKeyDto(
    Guid Id,
    Guid UserId,
    Broker Broker,
    string Name,
    string? Description,
    string? AccountId,
    string? BaseUrl,
    bool IsPaperTrading,
    bool IsDefault,
    ApiKeyStatus Status,
    string KeyHint,
    string SecretHint,
    long UsageCount,
    int ErrorCount,
    string? LastError,
    DateTime? LastUsedAt,
    DateTime? LastVerifiedAt,
    DateTime? LastRotatedAt,
    DateTime? ExpiresAt,
    DateTime? RevokedAt,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static ApiKeyDto From(ApiKey key, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new ApiKeyDto(
            key.Id,
            key.UserId,
            key.Broker,
            key.Name,
            key.Description,
            key.AccountId,
            key.BaseUrl,
            key.IsPaperTrading,
            key.IsDefault,
            key.EffectiveStatus(now),
            key.KeyHint,
            key.SecretHint,
            key.UsageCount,
            key.ErrorCount,
            key.LastError,
            key.LastUsedAt,
            key.LastVerifiedAt,
            key.LastRotatedAt,
            key.ExpiresAt,
            key.RevokedAt,
            key.CreatedAt,
            key.UpdatedAt);
    }
}
