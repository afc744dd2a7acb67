namespace RiskPlatform.Domain.RiskRules.Engine;

/// <summary>Stable codes that start every reason produced by the engine (<c>CODE: detail</c>), and order-shape error codes.</summary>
public static class RiskReasonCodes
{
    public const string QuoteUnavailable = "QUOTE_UNAVAILABLE";
    public const string QuoteStale = "QUOTE_STALE";
    public const string EquityNotPositive = "EQUITY_NOT_POSITIVE";

    public const string MaxPositionSizeExceeded = "MAX_POSITION_SIZE_EXCEEDED";
    public const string MaxOrderValueExceeded = "MAX_ORDER_VALUE_EXCEEDED";
    public const string MaxDailyLossExceeded = "MAX_DAILY_LOSS_EXCEEDED";
    public const string MaxDrawdownExceeded = "MAX_DRAWDOWN_EXCEEDED";
    public const string PositionLimitExceeded = "POSITION_LIMIT_EXCEEDED";
    public const string MaxLeverageExceeded = "MAX_LEVERAGE_EXCEEDED";
    public const string MaxConcentrationExceeded = "MAX_CONCENTRATION_EXCEEDED";
    public const string OrderRateLimitExceeded = "ORDER_RATE_LIMIT_EXCEEDED";
    public const string SymbolRestricted = "SYMBOL_RESTRICTED";
    public const string PriceCollarExceeded = "PRICE_COLLAR_EXCEEDED";
    public const string StopLossTriggered = "STOP_LOSS_TRIGGERED";
    public const string TakeProfitTriggered = "TAKE_PROFIT_TRIGGERED";
    public const string MaxCorrelationExceeded = "MAX_CORRELATION_EXCEEDED";
    public const string SectorLimitExceeded = "SECTOR_LIMIT_EXCEEDED";

    /// <summary>
    /// The reason of a max_correlation breach when a correlation cannot be measured (fewer than 20 common daily returns): a
    /// blocking rule fails closed on it.
    /// </summary>
    public const string InsufficientHistory = "INSUFFICIENT_HISTORY";

    public const string OrderSymbolRequired = "ORDER_SYMBOL_REQUIRED";
    public const string OrderQuantityNotPositive = "ORDER_QUANTITY_NOT_POSITIVE";
    public const string OrderLimitPriceRequired = "ORDER_LIMIT_PRICE_REQUIRED";

    /// <summary>The breach code of a rule type (e.g. max_leverage gives <see cref="MaxLeverageExceeded"/>).</summary>
    public static string ForRuleType(RiskRuleType type) => type switch
    {
        RiskRuleType.MaxPositionSize => MaxPositionSizeExceeded,
        RiskRuleType.MaxOrderValue => MaxOrderValueExceeded,
        RiskRuleType.MaxDailyLoss => MaxDailyLossExceeded,
        RiskRuleType.MaxDrawdown => MaxDrawdownExceeded,
        RiskRuleType.PositionLimit => PositionLimitExceeded,
        RiskRuleType.MaxLeverage => MaxLeverageExceeded,
        RiskRuleType.MaxConcentration => MaxConcentrationExceeded,
        RiskRuleType.OrderRateLimit => OrderRateLimitExceeded,
        RiskRuleType.RestrictedSymbols => SymbolRestricted,
        RiskRuleType.PriceCollar => PriceCollarExceeded,
        RiskRuleType.StopLoss => StopLossTriggered,
        RiskRuleType.TakeProfit => TakeProfitTriggered,
        RiskRuleType.MaxCorrelation => MaxCorrelationExceeded,
        RiskRuleType.SectorLimit => SectorLimitExceeded,
        _ => "RULE_BREACHED",
    };
}
