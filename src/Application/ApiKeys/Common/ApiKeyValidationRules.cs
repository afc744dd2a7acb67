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

    public static IRuleBuilderOptions<T, string?> ValidBaseUrl<T>(this IRuleBuilder<T, string?> rule, Func<T, Broker> broker, Func<T, bool> isPaperTrading) =>
        rule.Must((command, url) => string.IsNullOrWhiteSpace(url) || BrokerEndpoints.IsAllowed(broker(command), url.Trim(), isPaperTrading(command)))
            .WithMessage((command, _) => Enum.IsDefined(broker(command))
                ? BaseUrlMessage(broker(command), isPaperTrading(command))
                : "base_url must be an https URL on one of the broker's official hosts.");

    /// <summary>What a refused base_url is told: the hosts allowed for the key's broker and mode (a paper key never gets a live host).</summary>
    public static string BaseUrlMessage(Broker broker, bool isPaperTrading) =>
        $"base_url must be an https URL on one of the official hosts for a {(isPaperTrading ? "paper" : "live")} key: "
        + $"{string.Join(", ", BrokerEndpoints.AllowedHosts(broker, isPaperTrading))}.";
}
