using RiskPlatform.Domain.Portfolio.Monitoring;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Domain.Backtesting;

/// <summary>
/// What <see cref="Backtester.Run"/> replays: <see cref="Orders"/> from <see cref="StartingCash"/> over the days of
/// <see cref="Market"/> between <see cref="From"/> and <see cref="To"/> (inclusive), judged by <see cref="Rules"/> (their order is
/// their index in the result). <see cref="UserId"/> only owns the in-memory account; nothing is stored.
/// </summary>
public sealed record BacktestInput(
    Guid UserId,
    DateOnly From,
    DateOnly To,
    decimal StartingCash,
    IReadOnlyList<BacktestOrder> Orders,
    IReadOnlyList<RiskRule> Rules,
    BacktestMarket Market,
    MonitorOptions? Monitor = null);
