using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Commands.CreateApiKey;

/// <summary>Stores a new broker credential pair, sealed. <see cref="ToString"/> never prints the credentials.</summary>
public sealed record CreateApiKeyCommand(
    Broker Broker,
    string Name,
    string? Description,
    string? AccountId,
    string? BaseUrl,
    string ApiKey,
    string ApiSecret,
    DateTime? ExpiresAt = null,
    bool IsPaperTrading = true,
    bool IsDefault = false) : ICommand<ApiKeyDto>, ISensitiveRequest, IRequiresRecentMfa
{
    public override string ToString() => $"{nameof(CreateApiKeyCommand)} {{ Broker = {Broker}, Name = {Name} }}";
}
