using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Domain.Portfolio;

namespace RiskPlatform.Application.Portfolio.Common;

/// <summary>
/// Loads and marks a user's <see cref="PortfolioState"/>, creating it on first use from the current equity; every accepted mark
/// appends one point to the equity history (<see cref="EquitySnapshot"/>, compacted later by <see cref="EquityHistory.Compact"/>).
/// Callers hold the user's <see cref="ITradingLock"/>: every writer of the state takes it, so two first uses can never both
/// insert a state (the unique user index is the backstop).
/// </summary>
internal static class PortfolioStateStore
{
    /// <summary>
    /// The user's state marked with <paramref name="equity"/> at <paramref name="now"/>; a new state is added to
    /// <paramref name="states"/> (saved by the unit of work when the caller is a command).
    /// </summary>
    public static async Task<PortfolioState> LoadOrCreateAsync(
        IRepository<PortfolioState> states,
        IRepository<EquitySnapshot> equityHistory,
        Guid userId,
        decimal equity,
        DateTime now,
        CancellationToken cancellationToken)
    {
        var state = await states.FirstOrDefaultAsync(new PortfolioStateForUserSpec(userId), cancellationToken);
        return MarkOrCreate(states, equityHistory, state, userId, equity, now);
    }

    /// <summary>Marks <paramref name="state"/> (or creates it when null) and records the equity point of the mark.</summary>
    public static PortfolioState MarkOrCreate(
        IRepository<PortfolioState> states,
        IRepository<EquitySnapshot> equityHistory,
        PortfolioState? state,
        Guid userId,
        decimal equity,
        DateTime now)
    {
        if (state is null)
        {
            state = PortfolioState.Create(userId, equity, now);
            states.Add(state);
            equityHistory.Add(EquitySnapshot.Record(userId, equity, now));
            return state;
        }

        Mark(state, equityHistory, equity, now);
        return state;
    }

    /// <summary>Marks an existing state; a mark that is accepted (not older than the last one) adds its equity point.</summary>
    public static bool Mark(PortfolioState state, IRepository<EquitySnapshot> equityHistory, decimal equity, DateTime now)
    {
        if (!state.Mark(equity, now))
        {
            return false;
        }

        equityHistory.Add(EquitySnapshot.Record(state.UserId, equity, now));
        return true;
    }
}
