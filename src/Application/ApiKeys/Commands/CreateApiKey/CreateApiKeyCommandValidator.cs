using FluentValidation;
using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.Common.Validation;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Commands.CreateApiKey;

internal sealed class CreateApiKeyCommandValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyCommandValidator(TimeProvider timeProvider)
    {
        RuleFor(c => c.Broker).IsInEnum().WithMessage("broker must be one of: alpaca, interactive_brokers, td_ameritrade, robinhood, coinbase, binance.");
        RuleFor(c => c.Name).NotEmpty().MaximumLength(CredentialLimits.NameMaxLength).NoControlCharacters();
        RuleFor(c => c.Description).MaximumLength(CredentialLimits.DescriptionMaxLength);
        RuleFor(c => c.AccountId).MaximumLength(CredentialLimits.AccountIdMaxLength).NoControlCharacters();
        RuleFor(c => c.BaseUrl).ValidBaseUrl(c => c.Broker, c => c.IsPaperTrading);
        RuleFor(c => c.ApiKey).ValidApiKey("api_key");
        RuleFor(c => c.ApiSecret).ValidApiSecret("api_secret");
        RuleFor(c => c.ExpiresAt)
            .Must(expiresAt => expiresAt is null || expiresAt.Value.ToUniversalTime() > timeProvider.GetUtcNow().UtcDateTime)
            .WithMessage("expires_at must be in the future.");
    }
}
