using RiskPlatform.Domain.Portfolio.State;

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

    /// <summary>
    /// The state in effect at <paramref name="now"/> (<see cref="PortfolioState.TradingStateAt"/>) without changing
    /// <paramref name="state"/>: a reducing state whose window has ended reads as active since that instant, with the reason
    /// the next mark will record (<see cref="PortfolioState.ReducingEndedReason"/>).
    /// </summary>
    public static TradingStateDto At(PortfolioState? state, DateTime now) =>
        state is not null && state.TradingStateAt(now) != state.TradingState
            ? new TradingStateDto(TradingState.Active, PortfolioState.ReducingEndedReason, state.ReducingUntil, null)
            : From(state);
}
