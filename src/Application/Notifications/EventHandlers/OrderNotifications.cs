using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Notifications.EventHandlers;

/// <summary>The <c>order_filled</c> and <c>order_rejected</c> notifications, the same whichever broker the order went to.</summary>
internal static class OrderNotifications
{
    /// <summary>Medium priority; <paramref name="price"/> is null when the broker reported no average fill price.</summary>
    public static NewNotification Filled(Guid userId, Guid orderId, string symbol, OrderSide side, decimal quantity, decimal? price, DateTime filledAt)
    {
        var at = price is { } known ? $" at {NotificationText.Number(known)}" : string.Empty;
        return new NewNotification(
            userId,
            NotificationType.OrderFilled,
            NotificationPriority.Medium,
            $"{NotificationText.Side(side)} {NotificationText.Number(quantity)} {symbol} filled{at}",
            $"Your order to {WireEnum.Name(side)} {NotificationText.Number(quantity)} {symbol} was filled{at}.",
            NotificationText.Data(new
            {
                Symbol = symbol,
                Side = WireEnum.Name(side),
                Quantity = quantity,
                Price = price,
                FilledAt = filledAt,
            }),
            OrderId: orderId);
    }

    /// <summary>High priority: the user expected the order to trade.</summary>
    public static NewNotification Rejected(Guid userId, Guid orderId, string symbol, OrderSide side, decimal quantity, string reason) =>
        new(
            userId,
            NotificationType.OrderRejected,
            NotificationPriority.High,
            $"{NotificationText.Side(side)} {NotificationText.Number(quantity)} {symbol} rejected",
            $"Your order to {WireEnum.Name(side)} {NotificationText.Number(quantity)} {symbol} was rejected: {reason}",
            NotificationText.Data(new
            {
                Symbol = symbol,
                Side = WireEnum.Name(side),
                Quantity = quantity,
                Reason = reason,
            }),
            OrderId: orderId);
}
