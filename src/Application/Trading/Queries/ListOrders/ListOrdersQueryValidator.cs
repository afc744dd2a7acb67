using FluentValidation;
using RiskPlatform.Application.Common.Validation;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Trading.Queries.ListOrders;

internal sealed class ListOrdersQueryValidator : AbstractValidator<ListOrdersQuery>
{
    public ListOrdersQueryValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Offset).ValidOffset();
        RuleFor(q => q.Status).Must(s => s is null || WireEnum.TryParse<OrderStatus>(s, out _))
            .WithMessage($"status must be one of: {string.Join(", ", WireEnum.Names<OrderStatus>())}.");
        RuleFor(q => q.Symbol).Must(s => s is null || TradingInput.IsValidSymbol(s)).WithMessage(TradingInput.SymbolMessage);
    }
}
