using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Trading.Common;

/// <summary>
/// What an order would meet now: the rules judged, the engine's snapshot of the broker account on the portfolio state's
/// baselines (day-start equity, high-water mark) and that state, marked in memory — or, for a user without one yet, the
/// state the first order would create from the broker. Loaded by <see cref="PreTradeContextLoader"/>; read-only.
/// <see cref="Stored"/> is the state as stored (null for a user without one), which <see cref="State"/> is a marked copy of:
/// shared with other reads on the account's actor, never to be changed.
/// </summary>
internal sealed record PreTradeContext(IReadOnlyList<RiskRule> Rules, PortfolioSnapshot Snapshot, PortfolioState State, PortfolioState? Stored)
{
    /// <summary>The trading state's refusal of such an order (TRADING_HALTED / TRADING_REDUCING), or null when it may go ahead.</summary>
    public string? RefusalCode(string symbol, OrderSide side, decimal quantity, DateTime now) =>
        State.RefusalCode(ExposureReduction.ReducesExposure(Snapshot, symbol, side, quantity), isMonitorOrder: false, now);
}
