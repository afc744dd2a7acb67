using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Domain.Portfolio;

namespace RiskPlatform.Application.Portfolio.Common;

/// <summary>Loads a user's <see cref="PortfolioState"/>, creating it on first use from the current equity.</summary>
internal static class PortfolioStateStore
{
    /// <summary>
    /// The user's state marked with <paramref name="equity"/> at <paramref name="now"/>; a new state is added to
    /// <paramref name="states"/> (saved by the unit of work when the caller is a command).
    /// </summary>
    public static async Task<PortfolioState> LoadOrCreateAsync(
        IRepository<PortfolioState> states, Guid userId, decimal equity, DateTime now, CancellationToken cancellationToken)
    {
        var state = await states.FirstOrDefaultAsync(new PortfolioStateForUserSpec(userId), cancellationToken);
        if (state is null)
        {
            state = PortfolioState.Create(userId, equity, now);
            states.Add(state);
            return state;
        }

        state.Mark(equity, now);
        return state;
    }
}
