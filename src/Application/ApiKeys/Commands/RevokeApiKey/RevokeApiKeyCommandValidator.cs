using FluentValidation;

namespace RiskPlatform.Application.ApiKeys.Commands.RevokeApiKey;

internal sealed class RevokeApiKeyCommandValidator : AbstractValidator<RevokeApiKeyCommand>
{
    public RevokeApiKeyCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
