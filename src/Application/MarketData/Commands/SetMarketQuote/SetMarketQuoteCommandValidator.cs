using FluentValidation;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.MarketData;

namespace RiskPlatform.Application.MarketData.Commands.SetMarketQuote;

internal sealed class SetMarketQuoteCommandValidator : AbstractValidator<SetMarketQuoteCommand>
{
    public SetMarketQuoteCommandValidator()
    {
        RuleFor(c => c.Symbol).Must(TradingInput.IsValidSymbol).WithMessage(TradingInput.SymbolMessage);

        RuleFor(c => c.Price).Null()
            .When(c => c.Bid is not null || c.Ask is not null || c.Last is not null)
            .WithMessage("Give either price, or bid and ask (with an optional last), not both.");
        RuleFor(c => c.Bid).NotNull().When(c => c.Price is null).WithMessage("bid is required (with ask) when price is not given.");
        RuleFor(c => c.Ask).NotNull().When(c => c.Price is null).WithMessage("ask is required (with bid) when price is not given.");
        RuleFor(c => c.Bid).LessThanOrEqualTo(c => c.Ask!.Value)
            .When(c => c.Bid is not null && c.Ask is not null)
            .WithMessage("bid must not be above ask.");

        RuleFor(c => c.Price).Must(BeAValidPrice!).When(c => c.Price is not null).WithMessage(PriceMessage("price"));
        RuleFor(c => c.Bid).Must(BeAValidPrice!).When(c => c.Bid is not null).WithMessage(PriceMessage("bid"));
        RuleFor(c => c.Ask).Must(BeAValidPrice!).When(c => c.Ask is not null).WithMessage(PriceMessage("ask"));
        RuleFor(c => c.Last).Must(BeAValidPrice!).When(c => c.Last is not null).WithMessage(PriceMessage("last"));
    }

    private static bool BeAValidPrice(decimal? price) =>
        price is > 0m and <= TradingInput.MaxPrice && MarketPrecision.HasAllowedScale(price.Value);

    private static string PriceMessage(string field) =>
        $"{field} must be greater than 0 and at most {TradingInput.MaxPrice} with at most {MarketPrecision.MaxDecimals} decimal places.";
}
