using FluentValidation;
using RiskPlatform.Application.Common.Validation;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Backtesting.Common;

/// <summary>
/// The shape and the size limits (<see cref="BacktestLimits"/>) of a backtest request; each mistake is a 400 naming its field
/// (<c>orders[3].qty</c>, <c>rules[0].threshold_value</c>, <c>to</c>). Whether the symbols have history is checked against the
/// stored bars afterwards (<see cref="BacktestPlanner"/>).
/// </summary>
internal sealed class BacktestRequestValidator : AbstractValidator<IBacktestRequest>
{
    public BacktestRequestValidator()
    {
        RuleFor(r => r.Orders)
            .NotNull().WithMessage("orders is required: a list of orders, or an uploaded CSV file.")
            .Must(o => o is null || o.Count > 0).WithMessage("orders must list at least one order.")
            .Must(o => o is null || o.Count <= BacktestLimits.MaxOrders)
            .WithMessage($"orders may list at most {BacktestLimits.MaxOrders} orders.");
        RuleFor(r => r)
            .Must(r => BacktestRange.Symbols(r).Count <= BacktestLimits.MaxSymbols)
            .WithMessage($"The orders may name at most {BacktestLimits.MaxSymbols} distinct symbols.")
            .OverridePropertyName("orders")
            .When(r => r.Orders is { Count: > 0 and <= BacktestLimits.MaxOrders });
        RuleForEach(r => r.Orders).NotNull().WithMessage("An order must be an object.").SetValidator(new BacktestOrderRequestValidator());

        RuleFor(r => r.StartingCash)
            .GreaterThan(0m).LessThanOrEqualTo(BacktestLimits.MaxStartingCash)
            .Must(c => c is null || MarketPrecision.HasAllowedScale(c.Value))
            .WithMessage($"starting_cash must have at most {MarketPrecision.MaxDecimals} decimal places.");

        RuleFor(r => r.From).LessThanOrEqualTo(r => r.To).When(r => r.From is not null && r.To is not null)
            .WithMessage("from must be on or before to.");
        RuleFor(r => r.From).Must(PriceBarDate).WithMessage("from is out of range.");
        RuleFor(r => r.To).Must(PriceBarDate).WithMessage("to is out of range.");
        RuleFor(r => r)
            .Must(r => BacktestRange.Of(r) is not { } range || BacktestRange.Days(range) <= BacktestLimits.MaxRangeDays)
            .WithMessage($"The range from from to to may cover at most {BacktestLimits.MaxRangeDays} calendar days.")
            .OverridePropertyName("to")
            .When(r => r.From is null || r.To is null || r.From <= r.To);
        RuleFor(r => r).Custom((request, context) =>
        {
            if (BacktestRange.Of(request) is not { } range || request.Orders is null)
            {
                return;
            }

            for (var i = 0; i < request.Orders.Count; i++)
            {
                if (request.Orders[i]?.Date is { } date && (date < range.From || date > range.To))
                {
                    context.AddFailure($"orders[{i}].date", $"The order's date {date:yyyy-MM-dd} is outside the range {range.From:yyyy-MM-dd} to {range.To:yyyy-MM-dd}.");
                }
            }
        });

        RuleFor(r => r.Rules)
            .Must(rules => rules is null || rules.Count <= BacktestLimits.MaxRules)
            .WithMessage($"rules may list at most {BacktestLimits.MaxRules} draft rules.");
        RuleForEach(r => r.Rules).NotNull().WithMessage("A rule must be an object.").ChildRules(rule =>
            rule.RuleFor(d => d.Name).MaximumLength(RiskRule.NameMaxLength).NoControlCharacters());
        RuleForEach(r => r.Rules).SetValidator(new RiskRuleDefinitionValidator()).When(r => r.Rules is not null && r.Rules.All(d => d is not null));
    }

    private static bool PriceBarDate(DateOnly? date) => date is null || (date.Value.Year >= 1900 && date.Value.Year <= 2200);
}

/// <summary>One order of a backtest: the same checks as <c>POST /orders</c>, plus its date.</summary>
internal sealed class BacktestOrderRequestValidator : AbstractValidator<BacktestOrderRequest>
{
    public BacktestOrderRequestValidator()
    {
        RuleFor(o => o.Date).NotNull();
        RuleFor(o => o.Symbol).NotEmpty().Must(TradingInput.IsValidSymbol).WithMessage(TradingInput.SymbolMessage);
        RuleFor(o => o.Side).NotNull();
        RuleFor(o => o.Qty).NotNull().GreaterThan(0m).LessThanOrEqualTo(TradingInput.MaxQuantity)
            .Must(q => q is null || MarketPrecision.HasAllowedScale(q.Value))
            .WithMessage($"qty must have at most {MarketPrecision.MaxDecimals} decimal places.");
        RuleFor(o => o.LimitPrice).NotNull().GreaterThan(0m).LessThanOrEqualTo(TradingInput.MaxPrice)
            .Must(p => p is null || MarketPrecision.HasAllowedScale(p.Value))
            .WithMessage($"limit_price must have at most {MarketPrecision.MaxDecimals} decimal places.")
            .When(o => o.Type == OrderType.Limit);
        RuleFor(o => o.LimitPrice).Null().When(o => o.Type is null or OrderType.Market)
            .WithMessage("limit_price is only allowed on a limit order.");
        RuleFor(o => o.StrategyId).NotEqual(Guid.Empty).WithMessage("strategy_id must not be the empty UUID.");
    }
}
