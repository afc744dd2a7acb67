using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Domain.Backtesting;

/// <summary>
/// One order of a backtest, placed at the open of <see cref="Date"/> (orders of the same date in <see cref="Index"/> order).
/// <see cref="Index"/> is the order's position in the input, and names it in the result.
/// </summary>
public sealed record BacktestOrder(
    int Index,
    DateOnly Date,
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    OrderType Type = OrderType.Market,
    decimal? LimitPrice = null,
    Guid? StrategyId = null);
