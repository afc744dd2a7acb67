using RiskPlatform.Application.Trading.Queries.TestRiskRules;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Backtesting.Common;

/// <summary>
/// A backtest as the client asks for it (<c>POST /risk-rules/backtest</c>): the orders to replay, the starting cash (default
/// 100,000), the range (default: the first to the last order's date) and the rules — draft rules in the creation shape, or, when
/// <see cref="Rules"/> is absent, the caller's active rules.
/// </summary>
public sealed record BacktestRequest(
    IReadOnlyList<BacktestOrderRequest>? Orders,
    decimal? StartingCash = null,
    DateOnly? From = null,
    DateOnly? To = null,
    IReadOnlyList<DraftRiskRule>? Rules = null) : IBacktestRequest;

/// <summary>One order to replay, placed at the open of <see cref="Date"/>; the type defaults to market.</summary>
public sealed record BacktestOrderRequest(
    DateOnly? Date,
    string? Symbol,
    OrderSide? Side,
    decimal? Qty,
    OrderType? Type = null,
    decimal? LimitPrice = null,
    Guid? StrategyId = null);
