using FluentValidation;

namespace RiskPlatform.Application.ApiKeys.Commands.RewrapApiKeys;

internal sealed class RewrapApiKeysCommandValidator : AbstractValidator<RewrapApiKeysCommand>
{
    public RewrapApiKeysCommandValidator()
    {
        RuleFor(c => c.BatchSize).InclusiveBetween(1, 1000);
    }
}
