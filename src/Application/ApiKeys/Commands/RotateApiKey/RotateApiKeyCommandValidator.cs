using FluentValidation;
using RiskPlatform.Application.ApiKeys.Common;

namespace RiskPlatform.Application.ApiKeys.Commands.RotateApiKey;

internal sealed class RotateApiKeyCommandValidator : AbstractValidator<RotateApiKeyCommand>
{
    public RotateApiKeyCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.NewApiKey).ValidApiKey("new_api_key");
        RuleFor(c => c.NewApiSecret).ValidApiSecret("new_api_secret");
    }
}
