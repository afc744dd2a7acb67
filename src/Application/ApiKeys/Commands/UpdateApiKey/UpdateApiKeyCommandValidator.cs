using FluentValidation;
using RiskPlatform.Application.Common.Validation;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Commands.UpdateApiKey;

internal sealed class UpdateApiKeyCommandValidator : AbstractValidator<UpdateApiKeyCommand>
{
    public UpdateApiKeyCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(CredentialLimits.NameMaxLength).NoControlCharacters().When(c => c.Name is not null);
        RuleFor(c => c.Description).MaximumLength(CredentialLimits.DescriptionMaxLength);
        RuleFor(c => c.AccountId).MaximumLength(CredentialLimits.AccountIdMaxLength).NoControlCharacters();
        RuleFor(c => c.BaseUrl).MaximumLength(CredentialLimits.BaseUrlMaxLength)
            .Must(url => string.IsNullOrWhiteSpace(url) || (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
            .WithMessage("base_url must be an https URL on one of the broker's official hosts.");
        RuleFor(c => c.Status)
            .Must(status => status is null or ApiKeyStatus.Active or ApiKeyStatus.Inactive)
            .WithMessage("status can only be set to active or inactive; revoke a key by deleting it.");
    }
}
