using FluentValidation;
using RiskPlatform.Application.Trading.Common;

namespace RiskPlatform.Application.MarketData.Queries.GetSymbolReference;

internal sealed class GetSymbolReferenceQueryValidator : AbstractValidator<GetSymbolReferenceQuery>
{
    public GetSymbolReferenceQueryValidator() =>
        RuleFor(q => q.Symbol).Must(TradingInput.IsValidSymbol).WithMessage(TradingInput.SymbolMessage);
}
