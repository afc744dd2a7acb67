using FluentValidation;
using RiskPlatform.Application.Common.Validation;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Trading.Queries.TestRiskRules;

internal sealed class TestRiskRulesQueryValidator : AbstractValidator<TestRiskRulesQuery>
{
    public TestRiskRulesQueryValidator()
    {
        RuleFor(q => q.Symbol).NotEmpty().Must(TradingInput.IsValidSymbol).WithMessage(TradingInput.SymbolMessage);
        RuleFor(q => q.OrderQty).NotNull().When(q => q.OrderValue is null).WithMessage("Give order_qty or order_value.");
        RuleFor(q => q.OrderQty).Null().When(q => q.OrderValue is not null).WithMessage("Give order_qty or order_value, not both.");
        RuleFor(q => q.OrderQty).GreaterThan(0m).LessThanOrEqualTo(TradingInput.MaxQuantity)
            .Must(q => q is null || MarketPrecision.HasAllowedScale(q.Value))
            .WithMessage($"order_qty must be greater than 0 with at most {MarketPrecision.MaxDecimals} decimal places.")
            .When(q => q.OrderQty is not null);
        RuleFor(q => q.OrderValue).GreaterThan(0m).LessThanOrEqualTo(TradingInput.MaxOrderValue).When(q => q.OrderValue is not null);
        RuleFor(q => q.LimitPrice).NotNull().GreaterThan(0m).LessThanOrEqualTo(TradingInput.MaxPrice).When(q => q.Type == OrderType.Limit);
        RuleFor(q => q.LimitPrice).Null().When(q => q.Type is null or OrderType.Market).WithMessage("limit_price is only allowed on a limit order.");
        // A draft rule is validated like a new one (400 naming e.g. rule.threshold_value or rule.params.window_seconds); its name is optional.
        RuleFor(q => q.Rule!.Name).MaximumLength(RiskRule.NameMaxLength).NoControlCharacters()
            .When(q => q.Rule is not null).OverridePropertyName("rule.name");
        RuleFor(q => q.Rule!).SetValidator(new RiskRuleDefinitionValidator()).When(q => q.Rule is not null);
    }
}
