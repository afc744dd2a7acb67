using System.ComponentModel.DataAnnotations;
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

    // [Required] only declares the fields required in the OpenAPI document; the validator checks them.
    [Required]
    public string NewApiKey { get; init; } = string.Empty;

    [Required]
    public string NewApiSecret { get; init; } = string.Empty;

    public override string ToString() => $"{nameof(RotateApiKeyCommand)} {{ Id = {Id} }}";
}
