using FluentValidation;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Common;

/// <summary>Shape rules for credentials and base URLs. Messages never echo the value.</summary>
internal static class ApiKeyValidationRules
{
    public static IRuleBuilderOptions<T, string?> ValidApiKey<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Must(value => value is not null && CredentialLimits.IsValidApiKey(value))
            .WithMessage($"{field} is required: 1 to {CredentialLimits.ApiKeyMaxLength} characters, not blank, without control characters.");

    public static IRuleBuilderOptions<T, string?> ValidApiSecret<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Must(value => value is not null && CredentialLimits.IsValidApiSecret(value))
            .WithMessage($"{field} is required: 1 to {CredentialLimits.ApiSecretMaxLength} characters, not blank, without control characters.");

    public static IRuleBuilderOptions<T, string?> ValidBaseUrl<T>(this IRuleBuilder<T, string?> rule, Func<T, Broker> broker) =>
        rule.Must((command, url) => string.IsNullOrWhiteSpace(url) || BrokerEndpoints.IsAllowed(broker(command), url.Trim()))
            .WithMessage((command, _) => Enum.IsDefined(broker(command))
                ? $"base_url must be an https URL on one of the official hosts: {string.Join(", ", BrokerEndpoints.AllowedHosts(broker(command)).Order(StringComparer.Ordinal))}."
                : "base_url must be an https URL on one of the broker's official hosts.");
}
