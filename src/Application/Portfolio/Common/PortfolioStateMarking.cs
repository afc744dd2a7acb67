using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Brokers;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Domain.Portfolio.Equity;
using RiskPlatform.Domain.Portfolio.State;

namespace RiskPlatform.Application.Portfolio.Common;

/// <summary>
/// Loads and marks a user's <see cref="PortfolioState"/>, creating it on first use from the broker account (its equity, and its
/// day-start equity and high-water mark when it knows them); an accepted mark appends a point to the equity history
/// (<see cref="EquitySnapshot"/>, compacted later by <see cref="EquityHistory.Compact"/>) when the <see cref="EquityPointSampler"/>
/// says one is due (at most one per account per interval; a new state's first mark always). Every mark here also adopts the broker's
/// own day-start equity when the broker keeps one (Alpaca's <c>last_equity</c>), so every consumer — orders, max-quantity, the
/// risk test, the monitor, metrics and sizing — judges against the same baselines.
/// Callers hold the user's <see cref="ITradingLock"/>: every writer of the state takes it, so two first uses can never both
/// insert a state (the unique user index is the backstop).
/// </summary>
internal static class PortfolioStateMarking
{
    /// <summary>
    /// The user's state marked with the broker <paramref name="account"/> at <paramref name="now"/>; a new state is added to
    /// <paramref name="states"/> (saved by the unit of work when the caller is a command).
    /// </summary>
    public static async Task<PortfolioState> LoadOrCreateAsync(
        AccountChanges changes,
        IRepository<PortfolioState> states,
        IRepository<EquitySnapshot> equityHistory,
        EquityPointSampler sampler,
        Guid userId,
        BrokerAccount account,
        DateTime now,
        CancellationToken cancellationToken)
    {
        var state = await LoadForChangeAsync(changes, states, userId, cancellationToken);
        return MarkOrCreate(changes, states, equityHistory, sampler, state, userId, account, now);
    }

    /// <summary>
    /// The user's state, tracked, for a command to change: on the account's actor a copy of the one it remembers, which the
    /// actor keeps once the command has committed (<see cref="AccountChanges"/>); null when the user has none yet.
    /// </summary>
    public static Task<PortfolioState?> LoadForChangeAsync(
        AccountChanges changes, IRepository<PortfolioState> states, Guid userId, CancellationToken cancellationToken) =>
        changes.LoadAsync(userId, AccountMemoryPart.PortfolioState, states, new PortfolioStateForUserSpec(userId), s => s.Copy(), cancellationToken);

    /// <summary>Marks <paramref name="state"/> (or creates it when null) and records the equity point of the mark when one is due.</summary>
    public static PortfolioState MarkOrCreate(
        AccountChanges changes,
        IRepository<PortfolioState> states,
        IRepository<EquitySnapshot> equityHistory,
        EquityPointSampler sampler,
        PortfolioState? state,
        Guid userId,
        BrokerAccount account,
        DateTime now)
    {
        if (state is null)
        {
            state = Seed(userId, account, now);
            states.Add(state);
            changes.Keep(userId, AccountMemoryPart.PortfolioState, state, s => s.Copy(), states.IsSaved);
            equityHistory.Add(EquitySnapshot.Record(userId, account.Equity, now));
            sampler.Taken(userId, now);
            return state;
        }

        Mark(state, equityHistory, sampler, account, now);
        return state;
    }

    /// <summary>
    /// Marks an existing state with the account's equity (an accepted mark — not older than the last one — adds its equity point
    /// when one is due), then adopts the broker's day-start equity when the broker keeps one. True when the mark was accepted.
    /// </summary>
    public static bool Mark(
        PortfolioState state, IRepository<EquitySnapshot> equityHistory, EquityPointSampler sampler, BrokerAccount account, DateTime now)
    {
        var accepted = state.Mark(account.Equity, now);
        if (accepted && sampler.TryTake(state.UserId, now))
        {
            equityHistory.Add(EquitySnapshot.Record(state.UserId, account.Equity, now));
        }

        AdoptBrokerDayStart(state, account);
        return accepted;
    }

    /// <summary>
    /// For queries, which store nothing: the user's state (or a fresh one seeded from the account when the user has none) marked
    /// in memory with the account and the broker's day-start equity adopted — the baselines the next order would meet.
    /// </summary>
    public static PortfolioState MarkInMemory(PortfolioState? state, Guid userId, BrokerAccount account, DateTime now)
    {
        if (state is null)
        {
            return Seed(userId, account, now);
        }

        state.Mark(account.Equity, now);
        AdoptBrokerDayStart(state, account);
        return state;
    }

    /// <summary>A new state seeded from the broker account: its equity, day-start equity and high-water mark.</summary>
    private static PortfolioState Seed(Guid userId, BrokerAccount account, DateTime now)
    {
        var state = PortfolioState.Create(
            userId, account.Equity, now, dayStartEquity: account.DayStartEquity, highWaterMark: account.EquityHighWaterMark);
        AdoptBrokerDayStart(state, account);
        return state;
    }

    /// <summary>The broker keeps the trading day (Alpaca's last_equity): daily P&amp;L = equity − its day-start equity.</summary>
    private static void AdoptBrokerDayStart(PortfolioState state, BrokerAccount account)
    {
        if (account.DayStartFromBroker)
        {
            state.AdoptBrokerDayStartEquity(account.DayStartEquity);
        }
    }
}
