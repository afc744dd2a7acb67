using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.Common.Brokers;

/// <summary>Where a credential check goes: the key, its broker, the allow-listed base URL and the account it trades.</summary>
public sealed record BrokerCredentialTarget(Guid ApiKeyId, Broker Broker, string BaseUrl, bool IsPaperTrading, string? AccountId);
