using FluentValidation;

namespace RiskPlatform.Application.ApiKeys.Commands.VerifyApiKey;

internal sealed class VerifyApiKeyCommandValidator : AbstractValidator<VerifyApiKeyCommand>
{
    public VerifyApiKeyCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
