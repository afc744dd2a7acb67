namespace RiskPlatform.Domain.Trading.Paper;

/// <summary>Stable <see cref="Common.DomainException.Code"/> values raised by the paper broker.</summary>
public static class PaperTradingErrors
{
    public const string InvalidUser = "invalid_user_id";
    public const string InvalidStartingCash = "invalid_starting_cash";
    public const string InvalidQuantity = "invalid_order_quantity";
    public const string InvalidSide = "invalid_order_side";
    public const string InvalidType = "invalid_order_type";
    public const string InvalidTimeInForce = "invalid_time_in_force";
    public const string LimitPriceRequired = "limit_price_required";
    public const string LimitPriceNotAllowed = "limit_price_not_allowed";
    public const string InvalidLimitPrice = "invalid_limit_price";
    public const string InvalidClientOrderId = "invalid_client_order_id";
    public const string QuoteSymbolMismatch = "quote_symbol_mismatch";

    /// <summary>Thrown as <see cref="Common.ConflictException"/>: the client order id was already used for a different order.</summary>
    public const string ClientOrderIdReused = "client_order_id_reused";

    /// <summary>No order with that id in this account (the caller should answer 404).</summary>
    public const string OrderNotFound = "order_not_found";

    /// <summary>Thrown as <see cref="Common.ConflictException"/>: the order is filled, cancelled, rejected or expired.</summary>
    public const string OrderNotOpen = "order_not_open";
}
