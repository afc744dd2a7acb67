using FluentValidation;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Trading.Queries.GetMaxQuantity;

internal sealed class GetMaxQuantityQueryValidator : AbstractValidator<GetMaxQuantityQuery>
{
    public GetMaxQuantityQueryValidator()
    {
        RuleFor(q => q.Symbol).NotEmpty().Must(TradingInput.IsValidSymbol).WithMessage(TradingInput.SymbolMessage);
        RuleFor(q => q.Side).Must(s => s is null || WireEnum.TryParse<OrderSide>(s, out _)).WithMessage("side must be buy or sell.");
    }
}
