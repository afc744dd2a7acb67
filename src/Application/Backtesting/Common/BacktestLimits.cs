namespace RiskPlatform.Application.Backtesting.Common;

/// <summary>
/// The size limits of one backtest (refused with a 400 naming the field when exceeded), stated in the response's inputs and in
/// the README. The request body itself is limited to 1 MB (413).
/// </summary>
public static class BacktestLimits
{
    /// <summary>Orders in one backtest.</summary>
    public const int MaxOrders = 10_000;

    /// <summary>Distinct symbols among the orders.</summary>
    public const int MaxSymbols = 500;

    /// <summary>Draft rules in one backtest.</summary>
    public const int MaxRules = 50;

    /// <summary>Calendar days from <c>from</c> to <c>to</c>, both included (about five years).</summary>
    public const int MaxRangeDays = 1_830;

    /// <summary>The starting cash, at most.</summary>
    public const decimal MaxStartingCash = 1_000_000_000_000m;
}
