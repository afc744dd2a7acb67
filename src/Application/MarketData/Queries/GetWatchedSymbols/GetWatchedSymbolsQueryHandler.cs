using MediatR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.MarketData.Queries.GetWatchedSymbols;

internal sealed class GetWatchedSymbolsQueryHandler(IBrokerGateway broker, IReadRepository<Order> orders)
    : IRequestHandler<GetWatchedSymbolsQuery, IReadOnlyList<string>>
{
    public async Task<IReadOnlyList<string>> Handle(GetWatchedSymbolsQuery request, CancellationToken cancellationToken)
    {
        var held = await broker.GetPositionsAsync(request.UserId, cancellationToken);
        var open = await orders.ListAsync(new OpenOrdersForUserSpec(request.UserId), cancellationToken);
        return
        [
            .. held.Where(p => p.Quantity != 0m).Select(p => p.Symbol).Concat(open.Select(o => o.Symbol))
                .Where(TradingInput.IsValidSymbol).Select(TradingSymbol.Normalize).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal),
        ];
    }
}
