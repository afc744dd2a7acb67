using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Domain.Portfolio.Monitoring;

/// <summary>
/// The portfolio monitor: pure and deterministic. After a quote or fill changes the portfolio, it measures every active monitored
/// rule through <see cref="RiskEngine.EvaluatePortfolio"/> and decides, against the user's open <see cref="BreachEpisode"/>s:
/// <list type="bullet">
/// <item>a breach with no open episode for its (rule, symbol) opens one, and its action is taken exactly once:
/// alert, reduce_size → the episode (breach record and notification) only;
/// block → for max_daily_loss the account enters reducing until the next trading day; for other rules the pre-trade engine
/// already refuses exposure-increasing orders while the breach lasts, so the episode only;
/// close_position → cancel the symbol's open orders and flatten it (for an account-level rule: the largest position by market value);
/// close_all → halt, cancel every open order, flatten every position (this covers any close_position decided in the same tick);</item>
/// <item>a breach with an open episode only raises its worst value; nothing is re-triggered;</item>
/// <item>an episode ends when its value is back at or below <c>limit × (1 − margin)</c> (<see cref="EpisodeEndReason.BackInsideMargin"/>),
/// when a max_daily_loss episode began before the current trading day (<see cref="EpisodeEndReason.WindowReset"/>; if the new day is
/// still breached a new episode opens), when its position is flat (<see cref="EpisodeEndReason.PositionClosed"/>) or when its rule is
/// no longer active and monitored (<see cref="EpisodeEndReason.RuleInactive"/>).</item>
/// </list>
/// Build <paramref name="snapshot"/> after <see cref="PortfolioState.Mark"/>, with the state's day-start equity and high-water mark.
/// </summary>
public static class PortfolioMonitor
{
    /// <summary>Open episodes up to this count are matched by a linear scan; more use a dictionary.</summary>
    private const int LinearScanLimit = 8;

    /// <summary>
    /// Per-thread observation buffer: observations never escape <see cref="Evaluate"/> (decisions copy what they need), and
    /// reusing it keeps a large account's thousand-plus observations off the large-object heap on every tick.
    /// </summary>
    [ThreadStatic]
    private static List<PortfolioRuleObservation>? t_observations;

    public static MonitorDecision Evaluate(
        PortfolioSnapshot snapshot,
        PortfolioState state,
        IReadOnlyList<RiskRule> rules,
        IReadOnlyList<BreachEpisode> openEpisodes,
        DateTime now,
        MonitorOptions? options = null)
    {
        options ??= MonitorOptions.Default;
        var keepFraction = 1m - options.ExitMarginFraction;

        // Only values above the exit level are measured: below it nothing can open and an open episode ends.
        var observations = RiskEngine.EvaluatePortfolio(snapshot, rules, t_observations ??= new List<PortfolioRuleObservation>(256), keepFraction);
        var episodeCount = openEpisodes.Count;
        var matched = episodeCount == 0 ? [] : new bool[episodeCount];
        Dictionary<(Guid RuleId, string Symbol), int>? index = episodeCount > LinearScanLimit ? BuildIndex(openEpisodes) : null;

        List<OpenedEpisode>? opened = null;
        List<EpisodeUpdate>? updated = null;
        List<EpisodeClosure>? closed = null;

        for (var i = 0; i < observations.Count; i++)
        {
            var o = observations[i];
            var at = episodeCount == 0 ? -1 : Find(openEpisodes, index, o.Rule.Id, o.Symbol);
            if (at >= 0)
            {
                matched[at] = true;
                var episode = openEpisodes[at];
                if (episode.RuleType == RiskRuleType.MaxDailyLoss && episode.StartedAt < state.CurrentDayStart)
                {
                    (closed ??= []).Add(new EpisodeClosure(episode, EpisodeEndReason.WindowReset, Max(state.CurrentDayStart, episode.StartedAt)));
                }
                else
                {
                    if (o.IsBreached)
                    {
                        if (o.Observed > episode.WorstObserved)
                        {
                            (updated ??= []).Add(new EpisodeUpdate(episode, o.Observed));
                        }
                    }
                    else if (o.Observed <= o.Limit * keepFraction)
                    {
                        (closed ??= []).Add(new EpisodeClosure(episode, EpisodeEndReason.BackInsideMargin, now));
                    }

                    continue;
                }
            }

            if (o.IsBreached)
            {
                (opened ??= []).Add(new OpenedEpisode(BreachEpisode.Open(o.Rule, o.Symbol, o.Observed, o.Limit, now), o.Rule, o.Reason!));
            }
        }

        for (var i = 0; i < episodeCount; i++)
        {
            if (!matched[i] && openEpisodes[i].IsOpen)
            {
                // Not observed: the rule is gone, the position is flat, or the value is at or below the exit level (not measured).
                var episode = openEpisodes[i];
                var reason = !IsActiveMonitoredRule(rules, episode.RuleId)
                    ? EpisodeEndReason.RuleInactive
                    : episode.RuleType == RiskRuleType.MaxDailyLoss && episode.StartedAt < state.CurrentDayStart
                        ? EpisodeEndReason.WindowReset
                        : episode.Symbol is not null && !HoldsPosition(snapshot.Positions, episode.Symbol)
                            ? EpisodeEndReason.PositionClosed
                            : EpisodeEndReason.BackInsideMargin;
                (closed ??= []).Add(new EpisodeClosure(episode, reason, reason == EpisodeEndReason.WindowReset ? Max(state.CurrentDayStart, episode.StartedAt) : now));
            }
        }

        if (opened is null && updated is null && closed is null)
        {
            return MonitorDecision.None;
        }

        return opened is null
            ? new MonitorDecision([], (IReadOnlyList<EpisodeUpdate>?)updated ?? [], (IReadOnlyList<EpisodeClosure>?)closed ?? [], [], [], null)
            : Act(snapshot, opened, (IReadOnlyList<EpisodeUpdate>?)updated ?? [], (IReadOnlyList<EpisodeClosure>?)closed ?? []);
    }

    /// <summary>Turns the newly opened episodes into instructions: at most one cancel and one liquidation per symbol.</summary>
    private static MonitorDecision Act(
        PortfolioSnapshot snapshot, List<OpenedEpisode> opened, IReadOnlyList<EpisodeUpdate> updated, IReadOnlyList<EpisodeClosure> closed)
    {
        OpenedEpisode? closeAll = null;
        OpenedEpisode? reducing = null;
        var closeSymbols = new List<(string Symbol, Guid EpisodeId)>();
        foreach (var item in opened)
        {
            var rule = item.Rule;
            switch (rule.Action)
            {
                case RiskAction.CloseAll:
                    closeAll ??= item;
                    break;
                case RiskAction.ClosePosition:
                    var symbol = item.Episode.Symbol ?? LargestPositionSymbol(snapshot.Positions);
                    if (symbol is not null && !closeSymbols.Exists(c => string.Equals(c.Symbol, symbol, StringComparison.OrdinalIgnoreCase)))
                    {
                        closeSymbols.Add((symbol, item.Episode.Id));
                    }

                    break;
                case RiskAction.Block when rule.RuleType == RiskRuleType.MaxDailyLoss:
                    reducing ??= item;
                    break;
            }
        }

        var cancellations = new List<CancelOrdersInstruction>();
        var liquidations = new List<LiquidationInstruction>();
        TradingStateTransition? transition = null;
        if (closeAll is not null)
        {
            var episodeId = closeAll.Episode.Id;
            transition = new TradingStateTransition(TradingState.Halted, closeAll.Reason, episodeId);
            cancellations.Add(new CancelOrdersInstruction(episodeId, null));
            foreach (var p in snapshot.Positions)
            {
                if (p.Quantity != 0 && !liquidations.Exists(l => string.Equals(l.Symbol, p.Symbol, StringComparison.OrdinalIgnoreCase)))
                {
                    liquidations.Add(Flatten(episodeId, p));
                }
            }
        }
        else
        {
            foreach (var (symbol, episodeId) in closeSymbols)
            {
                cancellations.Add(new CancelOrdersInstruction(episodeId, symbol));
                var quantity = 0m;
                foreach (var p in snapshot.Positions)
                {
                    if (string.Equals(p.Symbol, symbol, StringComparison.OrdinalIgnoreCase))
                    {
                        quantity += p.Quantity;
                    }
                }

                if (quantity != 0)
                {
                    liquidations.Add(Flatten(episodeId, new PositionSnapshot(symbol, quantity, 0m, 0m)));
                }
            }

            if (reducing is not null)
            {
                transition = new TradingStateTransition(TradingState.Reducing, reducing.Reason, reducing.Episode.Id);
            }
        }

        return new MonitorDecision(opened, updated, closed, cancellations, liquidations, transition);
    }

    private static LiquidationInstruction Flatten(Guid episodeId, in PositionSnapshot position)
    {
        var symbol = position.Symbol.ToUpperInvariant();
        var side = position.Quantity > 0 ? OrderSide.Sell : OrderSide.Buy;
        return new LiquidationInstruction(episodeId, symbol, side, Math.Abs(position.Quantity), BreachEpisode.ClientOrderIdFor(episodeId, symbol));
    }

    /// <summary>The symbol of the position with the largest market value (|quantity| × price); ties: the first.</summary>
    private static string? LargestPositionSymbol(IReadOnlyList<PositionSnapshot> positions)
    {
        string? symbol = null;
        var largest = -1m;
        foreach (var p in positions)
        {
            var value = Math.Abs(p.Quantity) * p.MarketPrice;
            if (p.Quantity != 0 && value > largest)
            {
                largest = value;
                symbol = p.Symbol.ToUpperInvariant();
            }
        }

        return symbol;
    }

    private static Dictionary<(Guid RuleId, string Symbol), int> BuildIndex(IReadOnlyList<BreachEpisode> episodes)
    {
        var index = new Dictionary<(Guid, string), int>(episodes.Count);
        for (var i = 0; i < episodes.Count; i++)
        {
            if (episodes[i].IsOpen)
            {
                index.TryAdd((episodes[i].RuleId, episodes[i].Symbol ?? string.Empty), i);
            }
        }

        return index;
    }

    private static int Find(IReadOnlyList<BreachEpisode> episodes, Dictionary<(Guid RuleId, string Symbol), int>? index, Guid ruleId, string? symbol)
    {
        if (index is not null)
        {
            return index.TryGetValue((ruleId, symbol ?? string.Empty), out var at) ? at : -1;
        }

        for (var i = 0; i < episodes.Count; i++)
        {
            var e = episodes[i];
            if (e.RuleId == ruleId && e.IsOpen && string.Equals(e.Symbol, symbol, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsActiveMonitoredRule(IReadOnlyList<RiskRule> rules, Guid ruleId)
    {
        foreach (var rule in rules)
        {
            if (rule.Id == ruleId)
            {
                return rule.IsActive && RiskRuleCatalog.IsMonitored(rule.RuleType);
            }
        }

        return false;
    }

    private static bool HoldsPosition(IReadOnlyList<PositionSnapshot> positions, string symbol)
    {
        foreach (var p in positions)
        {
            if (p.Quantity != 0 && string.Equals(p.Symbol, symbol, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static DateTime Max(DateTime a, DateTime b) => a >= b ? a : b;
}
