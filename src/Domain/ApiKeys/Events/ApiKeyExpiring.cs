using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.ApiKeys.Events;

/// <summary>An API key expires soon or has expired (<see cref="Notice"/> says which). Raised once per notice and expiry date.</summary>
public sealed record ApiKeyExpiring(
    Guid ApiKeyId,
    Guid UserId,
    Broker Broker,
    string Name,
    DateTime ExpiresAt,
    ExpiryNotice Notice,
    DateTime OccurredAt) : IDomainEvent;
