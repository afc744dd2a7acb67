using FluentValidation;
using RiskPlatform.Domain.BrokerBindings;

namespace RiskPlatform.Application.BrokerBindings.Commands.SetTradingAccount;

internal sealed class SetTradingAccountCommandValidator : AbstractValidator<SetTradingAccountCommand>
{
    public SetTradingAccountCommandValidator()
    {
        RuleFor(c => c.Source).NotNull().IsInEnum();
        RuleFor(c => c.ApiKeyId).NotNull().NotEqual(Guid.Empty).When(c => c.Source == BrokerSource.ApiKey)
            .WithMessage("api_key_id is required when source is api_key.");
        RuleFor(c => c.ApiKeyId).Null().When(c => c.Source == BrokerSource.Paper)
            .WithMessage("api_key_id is only allowed when source is api_key.");
    }
}
