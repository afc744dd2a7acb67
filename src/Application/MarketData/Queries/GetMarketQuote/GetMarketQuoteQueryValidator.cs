using FluentValidation;
using RiskPlatform.Application.Trading.Common;

namespace RiskPlatform.Application.MarketData.Queries.GetMarketQuote;

internal sealed class GetMarketQuoteQueryValidator : AbstractValidator<GetMarketQuoteQuery>
{
    public GetMarketQuoteQueryValidator() =>
        RuleFor(q => q.Symbol).Must(TradingInput.IsValidSymbol).WithMessage(TradingInput.SymbolMessage);
}
