using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Commands.CancelOrder;

/// <summary>Cancels an open order at the broker and mirrors the result; a filled, cancelled, rejected or expired order is a 409.</summary>
internal sealed class CancelOrderCommandHandler(
    ITradingLock tradingLock,
    IRepository<Order> orders,
    IBrokerGateway broker,
    ICurrentUser currentUser,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<CancelOrderCommand, OrderDto>
{
    public async Task<OrderDto> Handle(CancelOrderCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        await tradingLock.AcquireAsync(userId, cancellationToken);
        audit.Target("order", request.Id);
        var order = await orders.FirstOrDefaultAsync(new OrderByIdSpec(request.Id), cancellationToken)
            ?? throw new NotFoundException("Order", request.Id);
        if (order.UserId != userId)
        {
            throw new NotFoundException("Order", request.Id, belongsToAnotherUser: true);
        }

        order.EnsureCancellable();
        var cancelled = await broker.CancelOrderAsync(userId, order.BrokerOrderId!, cancellationToken);
        order.MirrorBroker(
            cancelled.BrokerOrderId, cancelled.Status, cancelled.FilledQuantity, cancelled.AverageFillPrice, cancelled.RejectReason,
            timeProvider.GetUtcNow().UtcDateTime);
        audit.Describe($"Cancelled order {order.Id} ({order.Symbol})");
        return OrderDto.From(order);
    }
}
