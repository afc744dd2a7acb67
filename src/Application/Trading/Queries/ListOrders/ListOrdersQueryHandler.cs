using MediatR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Queries.ListOrders;

internal sealed class ListOrdersQueryHandler(IReadRepository<Order> orders, ICurrentUser currentUser)
    : IRequestHandler<ListOrdersQuery, IReadOnlyList<OrderDto>>
{
    public async Task<IReadOnlyList<OrderDto>> Handle(ListOrdersQuery request, CancellationToken cancellationToken)
    {
        OrderStatus? status = request.Status is null ? null : WireEnum.Parse<OrderStatus>(request.Status);
        var symbol = request.Symbol is null ? null : TradingSymbol.Normalize(request.Symbol);
        var page = await orders.ListAsync(
            new OrdersForUserSpec(currentUser.RequireUserId(), status, symbol, request.Limit, request.Offset), cancellationToken);
        return [.. page.Select(OrderDto.From)];
    }
}
