using System.Text.Json.Serialization;
using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Commands.UpdateApiKey;

/// <summary>Partial metadata update: a missing field stays as it is. Credentials change only by rotation.</summary>
public sealed record UpdateApiKeyCommand : ICommand<ApiKeyDto>, IRequiresRecentMfa
{
    /// <summary>Turning a key live (which, if it is the trading account, switches trading to live) needs a recent second factor.</summary>
    bool IRequiresRecentMfa.RequiresRecentMfa => IsPaperTrading == false;

    /// <summary>From the route.</summary>
    [JsonIgnore]
    public Guid Id { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? AccountId { get; init; }

    public string? BaseUrl { get; init; }

    public bool? IsPaperTrading { get; init; }

    public bool? IsDefault { get; init; }

    public ApiKeyStatus? Status { get; init; }
}
