using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.ApiKeys.Events;

/// <summary>
/// An API key stopped being usable: the broker rejected it <see cref="ApiKey.MaxConsecutiveRejections"/> times in a row,
/// or its stored ciphertext failed the integrity check. The key is now inactive; <see cref="Reason"/> holds no secret.
/// </summary>
public sealed record ApiKeyFailed(
    Guid ApiKeyId,
    Guid UserId,
    Broker Broker,
    string Name,
    string Reason,
    int ConsecutiveRejections,
    DateTime OccurredAt) : IDomainEvent;
