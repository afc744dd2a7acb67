using RiskPlatform.Domain.Portfolio;

namespace RiskPlatform.Application.Portfolio.Common;

/// <summary>
/// The trading state (active, reducing, halted), why and since when it last changed; reducing_until while reducing. A user
/// without a portfolio state yet is active with no reason and no since.
/// </summary>
public sealed record TradingStateDto(TradingState State, string? Reason, DateTime? Since, DateTime? ReducingUntil)
{
    public static TradingStateDto From(PortfolioState? state) => state is null
        ? new TradingStateDto(TradingState.Active, null, null, null)
        : new TradingStateDto(state.TradingState, state.TradingStateReason, state.TradingStateSince, state.ReducingUntil);
}
