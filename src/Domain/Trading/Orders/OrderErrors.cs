namespace RiskPlatform.Domain.Trading.Orders;

/// <summary>Stable <see cref="Common.DomainException.Code"/> values raised by <see cref="Order"/>.</summary>
public static class OrderErrors
{
    public const string Blocked = "order_blocked";
    public const string InvalidQuantity = "invalid_order_quantity";
    public const string InvalidClientOrderId = "invalid_client_order_id";
    public const string InvalidBrokerOrderId = "invalid_broker_order_id";
    public const string AlertsTooLong = "order_alerts_too_long";

    /// <summary>Thrown as <see cref="Common.ConflictException"/>: the client order id was already used for a different order.</summary>
    public const string ClientOrderIdReused = "client_order_id_reused";

    /// <summary>Thrown as <see cref="Common.ConflictException"/>: the order is filled, cancelled, rejected or expired.</summary>
    public const string NotOpen = "order_not_open";
}
