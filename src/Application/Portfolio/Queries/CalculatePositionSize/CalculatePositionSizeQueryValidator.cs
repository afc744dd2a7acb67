using FluentValidation;
using RiskPlatform.Application.Trading.Common;

namespace RiskPlatform.Application.Portfolio.Queries.CalculatePositionSize;

internal sealed class CalculatePositionSizeQueryValidator : AbstractValidator<CalculatePositionSizeQuery>
{
    public CalculatePositionSizeQueryValidator()
    {
        RuleFor(q => q.Symbol).NotEmpty().Must(TradingInput.IsValidSymbol).WithMessage(TradingInput.SymbolMessage);
        RuleFor(q => q.EntryPrice).GreaterThan(0m);
        RuleFor(q => q.StopLoss).GreaterThan(0m).When(q => q.StopLoss is not null);
        RuleFor(q => q.StopLoss).NotEqual(q => (decimal?)q.EntryPrice).When(q => q.StopLoss is not null)
            .WithMessage("stop_loss must differ from entry_price.");
        RuleFor(q => q.Method).IsInEnum();
        RuleFor(q => q.RiskPercent).GreaterThan(0m).LessThanOrEqualTo(100m).When(q => q.RiskPercent is not null);
        RuleFor(q => q.Atr).GreaterThan(0m).When(q => q.Atr is not null);
        RuleFor(q => q.AtrMultiplier).GreaterThan(0m).When(q => q.AtrMultiplier is not null);
        RuleFor(q => q.WinRate).InclusiveBetween(0m, 1m).When(q => q.WinRate is not null);
        RuleFor(q => q.PayoffRatio).GreaterThan(0m).When(q => q.PayoffRatio is not null);
    }
}
