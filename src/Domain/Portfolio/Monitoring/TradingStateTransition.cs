using RiskPlatform.Domain.Portfolio.State;

namespace RiskPlatform.Domain.Portfolio.Monitoring;

/// <summary>
/// A trading-state change decided by the monitor: <see cref="TradingState.Halted"/> (close_all) or
/// <see cref="TradingState.Reducing"/> (max_daily_loss with block, until the next trading day).
/// </summary>
public sealed record TradingStateTransition(TradingState To, string Reason, Guid EpisodeId);
