namespace RiskPlatform.Domain.Portfolio.Sizing;

/// <summary>
/// Values of <see cref="PositionSizeResult.CappedBy"/> other than a rule type's wire name (which is used when a risk rule binds,
/// e.g. <c>max_position_size</c>, <c>max_concentration</c>, <c>max_leverage</c>, <c>max_daily_loss</c>).
/// </summary>
public static class PositionSizeCaps
{
    /// <summary>The remaining daily-loss budget (limit − current loss) ÷ risk per share.</summary>
    public const string DailyLossBudget = "daily_loss_budget";

    /// <summary>Buying power ÷ entry price.</summary>
    public const string BuyingPower = "buying_power";

    /// <summary>Trading is halted: nothing may be opened.</summary>
    public const string TradingHalted = "trading_halted";

    /// <summary>The account is reducing: nothing that adds exposure may be opened.</summary>
    public const string TradingReducing = "trading_reducing";

    /// <summary>Equity is zero or negative: nothing may be opened.</summary>
    public const string EquityNotPositive = "equity_not_positive";
}
