using System.Text.Json.Serialization;
using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.ApiKeys.Commands.RotateApiKey;

/// <summary>Replaces both credentials of a key, keeping its id. <see cref="ToString"/> never prints the credentials.</summary>
public sealed record RotateApiKeyCommand : ICommand<ApiKeyDto>, ISensitiveRequest, IRequiresRecentMfa
{
    /// <summary>From the route.</summary>
    [JsonIgnore]
    public Guid Id { get; init; }

    public string NewApiKey { get; init; } = string.Empty;

    public string NewApiSecret { get; init; } = string.Empty;

    public override string ToString() => $"{nameof(RotateApiKeyCommand)} {{ Id = {Id} }}";
}
