using FluentValidation;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Commands.PlaceOrder;

internal sealed class PlaceOrderCommandValidator : AbstractValidator<PlaceOrderCommand>
{
    public PlaceOrderCommandValidator()
    {
        RuleFor(c => c.Symbol).NotEmpty().Must(TradingInput.IsValidSymbol).WithMessage(TradingInput.SymbolMessage);
        RuleFor(c => c.Side).NotNull();
        RuleFor(c => c.Qty).NotNull().GreaterThan(0m).LessThanOrEqualTo(TradingInput.MaxQuantity)
            .Must(q => q is null || MarketPrecision.HasAllowedScale(q.Value))
            .WithMessage($"qty may have at most {MarketPrecision.MaxDecimals} decimal places.");
        RuleFor(c => c.LimitPrice).NotNull().When(c => c.Type == OrderType.Limit).WithMessage("limit_price is required for a limit order.");
        RuleFor(c => c.LimitPrice).Null().When(c => c.Type is null or OrderType.Market).WithMessage("limit_price is only allowed on a limit order.");
        RuleFor(c => c.LimitPrice).GreaterThan(0m).LessThanOrEqualTo(TradingInput.MaxPrice)
            .Must(p => p is null || MarketPrecision.HasAllowedScale(p.Value))
            .WithMessage($"limit_price must be positive with at most {MarketPrecision.MaxDecimals} decimal places.")
            .When(c => c.LimitPrice is not null);
        RuleFor(c => c.ClientOrderId).MaximumLength(Order.ClientOrderIdMaxLength)
            .Must(id => id is null || !id.Any(char.IsControl)).WithMessage("client_order_id must not contain control characters.");
    }
}
