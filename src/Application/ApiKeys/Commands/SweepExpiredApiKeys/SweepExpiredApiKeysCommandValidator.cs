using FluentValidation;

namespace RiskPlatform.Application.ApiKeys.Commands.SweepExpiredApiKeys;

internal sealed class SweepExpiredApiKeysCommandValidator : AbstractValidator<SweepExpiredApiKeysCommand>
{
    public SweepExpiredApiKeysCommandValidator() => RuleFor(c => c.BatchSize).InclusiveBetween(1, 10_000);
}
