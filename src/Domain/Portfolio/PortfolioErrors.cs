namespace RiskPlatform.Domain.Portfolio;

/// <summary>Stable codes of the <see cref="Common.DomainException"/>s thrown by the portfolio domain.</summary>
public static class PortfolioErrors
{
    /// <summary>Refused by <see cref="PortfolioState.EnsureOrderAllowed"/>: trading is halted (only monitor close orders pass).</summary>
    public const string TradingHalted = "TRADING_HALTED";

    /// <summary>Refused by <see cref="PortfolioState.EnsureOrderAllowed"/>: the account is reducing (only exposure-reducing orders pass).</summary>
    public const string TradingReducing = "TRADING_REDUCING";

    /// <summary><see cref="PortfolioState.Resume"/> called while trading is not halted (a conflict, HTTP 409).</summary>
    public const string TradingNotHalted = "TRADING_NOT_HALTED";

    public const string TimeZoneRequired = "TRADING_DAY_TIME_ZONE_REQUIRED";
    public const string TimeZoneUnknown = "TRADING_DAY_TIME_ZONE_UNKNOWN";
    public const string TradingDayKindUnknown = "TRADING_DAY_KIND_UNKNOWN";
    public const string EquityMarkOutOfOrder = "EQUITY_MARK_OUT_OF_ORDER";
    public const string ReasonRequired = "TRADING_STATE_REASON_REQUIRED";

    /// <summary>A monitor action that already finished (done, skipped, failed) cannot be completed again.</summary>
    public const string MonitorActionFinished = "MONITOR_ACTION_FINISHED";

    public const string EntryPriceNotPositive = "POSITION_SIZE_ENTRY_PRICE_NOT_POSITIVE";
    public const string StopLossInvalid = "POSITION_SIZE_STOP_LOSS_INVALID";
    public const string RiskPercentInvalid = "POSITION_SIZE_RISK_PERCENT_INVALID";
    public const string AtrRequired = "POSITION_SIZE_ATR_REQUIRED";
    public const string AtrMultiplierInvalid = "POSITION_SIZE_ATR_MULTIPLIER_INVALID";
    public const string KellyInputsRequired = "POSITION_SIZE_KELLY_INPUTS_REQUIRED";
    public const string SymbolRequired = "POSITION_SIZE_SYMBOL_REQUIRED";
    public const string SizingMethodUnknown = "POSITION_SIZE_METHOD_UNKNOWN";
}
