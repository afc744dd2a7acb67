using RiskPlatform.Domain.Portfolio.State;

namespace RiskPlatform.Application.Portfolio.Commands.RunPortfolioMonitor;

/// <summary>What one monitor run did.</summary>
/// <param name="Evaluated">False when the user has neither a monitored rule nor a portfolio state (nothing was read or written).</param>
/// <param name="Opened">Episodes opened (each recorded one breach).</param>
/// <param name="Closed">Episodes ended.</param>
/// <param name="ActionsQueued">Broker actions (cancellations, liquidations) stored for execution after the commit.</param>
/// <param name="State">The trading state after the run.</param>
public sealed record PortfolioMonitorRun(bool Evaluated, int Opened, int Closed, int ActionsQueued, TradingState State);
