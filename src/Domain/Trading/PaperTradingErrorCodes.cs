namespace RiskPlatform.Domain.Trading;

/// <summary>Stable <see cref="Common.DomainException.Code"/> values raised by the paper broker.</summary>
public static class PaperTradingErrorCodes
{
    public const string InvalidUser = "paper_account.invalid_user";
    public const string InvalidStartingCash = "paper_account.invalid_starting_cash";
    public const string InvalidQuantity = "paper_order.invalid_quantity";
    public const string InvalidSide = "paper_order.invalid_side";
    public const string InvalidType = "paper_order.invalid_type";
    public const string InvalidTimeInForce = "paper_order.invalid_time_in_force";
    public const string LimitPriceRequired = "paper_order.limit_price_required";
    public const string LimitPriceNotAllowed = "paper_order.limit_price_not_allowed";
    public const string InvalidLimitPrice = "paper_order.invalid_limit_price";
    public const string InvalidClientOrderId = "paper_order.invalid_client_order_id";
    public const string QuoteSymbolMismatch = "paper_order.quote_symbol_mismatch";

    /// <summary>Thrown as <see cref="Common.ConflictException"/>: the client order id was already used for a different order.</summary>
    public const string ClientOrderIdReused = "paper_order.client_order_id_reused";

    /// <summary>No order with that id in this account (the caller should answer 404).</summary>
    public const string OrderNotFound = "paper_order.not_found";

    /// <summary>Thrown as <see cref="Common.ConflictException"/>: the order is filled, cancelled, rejected or expired.</summary>
    public const string OrderNotOpen = "paper_order.not_open";
}
