namespace RiskPlatform.Web.Client;

/// <summary>The enum values the API accepts, as the forms offer them (the OpenAPI contract test keeps them in step).</summary>
public static class WireCatalog
{
    public static readonly IReadOnlyList<string> RuleTypes =
    [
        "max_position_size", "max_order_value", "max_daily_loss", "max_drawdown", "position_limit", "max_leverage",
        "max_concentration", "order_rate_limit", "restricted_symbols", "price_collar", "max_correlation", "sector_limit",
        "stop_loss", "take_profit",
    ];

    public static readonly IReadOnlyList<string> ThresholdUnits = ["percent", "dollars", "shares", "count", "ratio"];

    public static readonly IReadOnlyList<string> RiskActions = ["alert", "reduce_size", "block", "close_position", "close_all"];

    public static readonly IReadOnlyList<string> OrderSides = ["buy", "sell"];

    public static readonly IReadOnlyList<string> OrderTypes = ["market", "limit"];

    public static readonly IReadOnlyList<string> Brokers =
        ["alpaca", "interactive_brokers", "td_ameritrade", "robinhood", "coinbase", "binance"];

    public static readonly IReadOnlyList<string> NotificationTypes =
    [
        "order_filled", "order_cancelled", "order_rejected", "position_opened", "position_closed", "strategy_signal", "strategy_error",
        "risk_breach", "daily_summary", "system_alert", "profit_target", "stop_loss", "api_key_expiring", "api_key_failed",
        "trading_halted", "security_alert",
    ];

    public static readonly IReadOnlyList<string> NotificationPriorities = ["low", "medium", "high", "urgent"];

    public static readonly IReadOnlyList<string> NotificationChannels = ["in_app", "email", "sms", "push", "webhook", "websocket"];

    /// <summary>A wire value as a person reads it: <c>max_daily_loss</c> → "max daily loss".</summary>
    public static string Label(string value) => value.Replace('_', ' ');
}
