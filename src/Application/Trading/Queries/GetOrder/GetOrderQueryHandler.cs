using MediatR;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Queries.GetOrder;

internal sealed class GetOrderQueryHandler(IReadRepository<Order> orders, ICurrentUser currentUser) : IRequestHandler<GetOrderQuery, OrderDto>
{
    public async Task<OrderDto> Handle(GetOrderQuery request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var order = await orders.FirstOrDefaultAsync(new OrderByIdSpec(request.Id), cancellationToken)
            ?? throw new NotFoundException("Order", request.Id);
        return order.UserId == userId ? OrderDto.From(order) : throw new NotFoundException("Order", request.Id, belongsToAnotherUser: true);
    }
}
