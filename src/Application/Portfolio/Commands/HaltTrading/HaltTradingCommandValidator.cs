using FluentValidation;
using RiskPlatform.Domain.Portfolio.State;

namespace RiskPlatform.Application.Portfolio.Commands.HaltTrading;

internal sealed class HaltTradingCommandValidator : AbstractValidator<HaltTradingCommand>
{
    public HaltTradingCommandValidator() =>
        RuleFor(c => c.Reason).MaximumLength(PortfolioState.ReasonMaxLength);
}
