using RiskPlatform.Domain.Trading;
using System.Globalization;
using System.Runtime.InteropServices;

namespace RiskPlatform.Domain.RiskRules.Engine;

/// <summary>
/// The pre-trade risk engine: pure and deterministic (no I/O, no clock; the snapshot carries <c>Now</c>).
/// <list type="bullet">
/// <item><see cref="Evaluate(PortfolioSnapshot, IReadOnlyList{RiskRule}, ProposedOrder, List{RuleEvaluation}?)"/>: the verdict on one order.</item>
/// <item><see cref="MaxQuantity"/>: the largest quantity every rule allows now for a symbol and side.</item>
/// <item><see cref="EvaluatePortfolio"/>: the portfolio monitor's per-rule observations.</item>
/// </list>
/// Every call skips inactive rules and rules whose type is not evaluated in that mode (see <see cref="RiskRuleCatalog"/>);
/// the pre-trade calls also skip rules that do not apply to the order's strategy and symbol (<see cref="RiskRule.AppliesTo"/>).
/// </summary>
public static class RiskEngine
{
    /// <summary>Per-thread buffer of screened positions (never escapes <see cref="EvaluatePortfolio"/>).</summary>
    [ThreadStatic]
    private static ScreenedPosition[]? t_screened;

    /// <summary>
    /// Evaluates <paramref name="order"/> against <paramref name="rules"/>. Exactly at a limit passes. A missing, unpriced or stale
    /// quote blocks the order (fail closed). An order that only reduces an existing position passes every non-alert rule (outcome
    /// <see cref="RuleOutcome.Waived"/>). The strictest breached action decides; a reduce_size breach approves the largest whole
    /// quantity every breached reduce_size rule allows (zero blocks).
    /// </summary>
    /// <param name="results">
    /// Optional reusable buffer, cleared and filled with the rule results (avoids one allocation per call); the decision's
    /// <see cref="RiskDecision.Results"/> is this buffer.
    /// </param>
    public static RiskDecision Evaluate(
        PortfolioSnapshot snapshot,
        IReadOnlyList<RiskRule> rules,
        ProposedOrder order,
        List<RuleEvaluation>? results = null)
    {
        results ??= new List<RuleEvaluation>(rules.Count);
        results.Clear();
        var quantity = order.Quantity;

        if (!TryPrice(snapshot, order.Symbol, order.Side, order.LimitPrice, out var quotePrice, out var referencePrice, out var failureCode, out var failureReason))
        {
            return new RiskDecision(RiskDecisionOutcome.Blocked, quantity, 0m, null, failureCode, failureReason, 0m, false, results, -1);
        }

        var context = OrderContext.Build(snapshot, order.Symbol, order.Side, quotePrice, referencePrice, order.LimitPrice);
        var reduceOnly = context.IsReduceOnly(quantity);
        if (!reduceOnly && snapshot.Equity <= 0)
        {
            return new RiskDecision(
                RiskDecisionOutcome.Blocked, quantity, 0m, null, RiskReasonCodes.EquityNotPositive,
                string.Create(CultureInfo.InvariantCulture, $"{RiskReasonCodes.EquityNotPositive}: equity={RiskMath.Format(snapshot.Equity)}"),
                referencePrice, false, results, -1);
        }

        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (!rule.IsActive || !RiskRuleCatalog.IsPreTrade(rule.RuleType) || !rule.AppliesTo(order.StrategyId, order.Symbol)
                || !HistoryRules.AppliesToSectorOf(rule, snapshot, order.Symbol))
            {
                continue;
            }

            if (rule.RuleType == RiskRuleType.MaxCorrelation)
            {
                results.Add(HistoryRules.EvaluateCorrelation(rule, in context, quantity, reduceOnly));
                continue;
            }

            var (observed, limit) = Measure(rule, in context, quantity);
            if (!RiskMath.Exceeds(observed, limit))
            {
                results.Add(new RuleEvaluation(rule, observed, limit, RuleOutcome.Passed, null, null));
                continue;
            }

            var outcome = reduceOnly && rule.Action != RiskAction.Alert ? RuleOutcome.Waived : RuleOutcome.Breached;
            decimal? allowed = outcome == RuleOutcome.Breached && rule.Action == RiskAction.ReduceSize ? Capacity(rule, in context) : null;
            results.Add(new RuleEvaluation(rule, observed, limit, outcome, Reason(rule, in context, observed, limit), allowed));
        }

        if (!IsInEvaluationOrder(results))
        {
            results.Sort(static (a, b) => CompareRules(a.Rule, b.Rule));
        }

        return Decide(results, quantity, referencePrice, reduceOnly);
    }

    /// <summary>
    /// The largest quantity that every applicable non-alert pre-trade rule allows now for <paramref name="symbol"/> and
    /// <paramref name="side"/> (whole shares), and the rule that binds. An order that only reduces an opposite position is always
    /// allowed up to that position. A missing or stale quote allows nothing.
    /// </summary>
    public static MaxQuantityResult MaxQuantity(
        PortfolioSnapshot snapshot,
        IReadOnlyList<RiskRule> rules,
        string symbol,
        OrderSide side,
        Guid? strategyId = null,
        OrderType type = OrderType.Market,
        decimal? limitPrice = null)
    {
        symbol = symbol.Trim().ToUpperInvariant();
        var limit = type == OrderType.Limit ? limitPrice : null;
        if (!TryPrice(snapshot, symbol, side, limit, out var quotePrice, out var referencePrice, out var failureCode, out _))
        {
            return new MaxQuantityResult(0m, null, false, 0m, failureCode);
        }

        var context = OrderContext.Build(snapshot, symbol, side, quotePrice, referencePrice, limit);
        var reduceOnlyCapacity = decimal.Floor(context.ReduceOnlyCapacity);
        if (snapshot.Equity <= 0)
        {
            return new MaxQuantityResult(reduceOnlyCapacity, null, true, referencePrice, RiskReasonCodes.EquityNotPositive);
        }

        var min = RiskMath.Unlimited;
        RiskRule? binding = null;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (!rule.IsActive || rule.Action == RiskAction.Alert || !RiskRuleCatalog.IsPreTrade(rule.RuleType) || !rule.AppliesTo(strategyId, symbol)
                || !HistoryRules.AppliesToSectorOf(rule, snapshot, symbol))
            {
                continue;
            }

            var capacity = Capacity(rule, in context);
            if (capacity < min || (capacity == min && binding is not null && CompareRules(rule, binding) < 0))
            {
                min = capacity;
                binding = rule;
            }
        }

        if (binding is null)
        {
            return new MaxQuantityResult(null, null, false, referencePrice, null);
        }

        var ruleMax = decimal.Floor(min);
        return reduceOnlyCapacity > ruleMax
            ? new MaxQuantityResult(reduceOnlyCapacity, binding, true, referencePrice, null)
            : new MaxQuantityResult(ruleMax, binding, false, referencePrice, null);
    }

    /// <summary>
    /// The portfolio monitor's view: for each active monitored rule, its observed value now and whether it is breached.
    /// Account-level rules (max_daily_loss, max_drawdown, max_leverage) give one observation; per-symbol rules
    /// (max_position_size, max_concentration, stop_loss, take_profit) give one per open position, limited to the rule's
    /// symbols when it lists any. Positions are valued at their market price. The caller chooses the rules (strategy scope is
    /// not applied here). Observations are ordered by rule type, rule id, then position order.
    /// </summary>
    /// <param name="results">
    /// Optional reusable buffer, cleared and filled with the observations (a 200-position account with a few per-symbol rules
    /// yields over a thousand, so a fresh list lands on the large-object heap); the returned list is this buffer.
    /// </param>
    /// <param name="minUtilisation">
    /// When set, per-symbol observations are only built for positions whose observed value is at or above
    /// <c>limit × minUtilisation</c>, tested exactly without dividing (<see cref="RiskMath.PercentReaches"/>,
    /// <see cref="RiskMath.MovePercentReaches"/>); account-level rules are always observed. The monitor passes its exit level so
    /// that only breaches and values still inside the exit margin cost a full measurement. Before that exact test, a conservative
    /// double screen (<see cref="PositionScreen"/>, measures converted once per position) drops the positions provably below the
    /// level, so a quiet account costs one double comparison per (rule, position) pair; the result is the same as testing every pair.
    /// </param>
    public static IReadOnlyList<PortfolioRuleObservation> EvaluatePortfolio(
        PortfolioSnapshot snapshot,
        IReadOnlyList<RiskRule> rules,
        List<PortfolioRuleObservation>? results = null,
        decimal? minUtilisation = null)
    {
        var ordered = new List<RiskRule>(rules.Count);
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].IsActive && RiskRuleCatalog.IsMonitored(rules[i].RuleType))
            {
                ordered.Add(rules[i]);
            }
        }

        ordered.Sort(CompareRules);

        var positions = SpanAccess.TryGetSpan(snapshot.Positions, out var span) ? span : [.. snapshot.Positions];
        var equity = snapshot.Equity;

        // Gross exposure only feeds max_leverage; the screen's measures only feed the filtered per-symbol rules.
        var gross = 0m;
        if (ordered.Exists(static r => r.RuleType == RiskRuleType.MaxLeverage))
        {
            for (var i = 0; i < positions.Length; i++)
            {
                gross += Math.Abs(positions[i].Quantity) * positions[i].MarketPrice;
            }
        }

        Span<ScreenedPosition> screened = [];
        if (minUtilisation.HasValue && ordered.Exists(static r => !IsAccountLevel(r.RuleType)))
        {
            screened = ScreenBuffer(positions.Length);
            for (var i = 0; i < positions.Length; i++)
            {
                screened[i] = new ScreenedPosition(in positions[i]);
            }
        }

        var observations = results ?? [];
        observations.Clear();
        foreach (var rule in ordered)
        {
            var threshold = rule.ThresholdValue;
            switch (rule.RuleType)
            {
                case RiskRuleType.SectorLimit:
                    HistoryRules.ObserveSectors(observations, rule, positions, snapshot, minUtilisation);
                    break;
                case RiskRuleType.MaxCorrelation:
                    HistoryRules.ObserveCorrelations(observations, rule, positions, snapshot, minUtilisation);
                    break;
                case RiskRuleType.MaxDailyLoss:
                    AddAccountLevel(observations, rule, RiskMath.DailyLoss(snapshot.DayStartEquity, equity, rule.ThresholdUnit), "loss");
                    break;
                case RiskRuleType.MaxDrawdown:
                    AddAccountLevel(observations, rule, RiskMath.Drawdown(snapshot.EquityHighWaterMark, equity, rule.ThresholdUnit), "drawdown");
                    break;
                case RiskRuleType.MaxLeverage:
                    AddAccountLevel(observations, rule, RiskMath.Leverage(gross, equity), "leverage");
                    break;
                default:
                    var scoped = rule.Symbols.Count > 0;
                    if (minUtilisation is not { } min)
                    {
                        for (var i = 0; i < positions.Length; i++)
                        {
                            ref readonly var p = ref positions[i];
                            if (p.Quantity != 0 && (!scoped || rule.ListsSymbol(p.Symbol)))
                            {
                                AddPerSymbol(observations, rule, in p, equity);
                            }
                        }

                        break;
                    }

                    // Filtered: a position is measured only when its value is at or above the level. The double screen removes the
                    // positions provably below it; the exact decimal test decides for the rest, so nothing else changes.
                    var level = threshold * min;
                    var screen = PositionScreen.For(rule, level, equity);
                    for (var i = screen.Next(screened, 0); i >= 0; i = screen.Next(screened, i + 1))
                    {
                        ref readonly var p = ref positions[i];
                        if (p.Quantity != 0 && (!scoped || rule.ListsSymbol(p.Symbol)) && MayReach(rule, in p, equity, level))
                        {
                            AddPerSymbol(observations, rule, in p, equity);
                        }
                    }

                    break;
            }
        }

        return observations;
    }

    private static bool IsAccountLevel(RiskRuleType type) =>
        type is RiskRuleType.MaxDailyLoss or RiskRuleType.MaxDrawdown or RiskRuleType.MaxLeverage;

    private static Span<ScreenedPosition> ScreenBuffer(int count)
    {
        var buffer = t_screened;
        if (buffer is null || buffer.Length < count)
        {
            buffer = t_screened = new ScreenedPosition[Math.Max(count, 256)];
        }

        return buffer.AsSpan(0, count);
    }

    private static void AddPerSymbol(List<PortfolioRuleObservation> observations, RiskRule rule, in PositionSnapshot p, decimal equity)
    {
        var threshold = rule.ThresholdValue;
        var (observed, breached, label) = rule.RuleType switch
        {
            RiskRuleType.MaxPositionSize => Limit(RiskMath.PositionSize(Math.Abs(p.Quantity), p.MarketPrice, equity, rule.ThresholdUnit), threshold, "size"),
            RiskRuleType.MaxConcentration => Limit(RiskMath.Concentration(Math.Abs(p.Quantity) * p.MarketPrice, equity), threshold, "concentration"),
            RiskRuleType.StopLoss => Trigger(RiskMath.AdverseMovePercent(p.Quantity, p.AverageEntryPrice, p.MarketPrice), threshold, "adverse_move"),
            _ => Trigger(RiskMath.GainMovePercent(p.Quantity, p.AverageEntryPrice, p.MarketPrice), threshold, "favourable_move"),
        };

        var symbol = p.Symbol.ToUpperInvariant();
        var reason = breached
            ? string.Create(CultureInfo.InvariantCulture, $"{RiskReasonCodes.ForRuleType(rule.RuleType)}: symbol={symbol}, {label}={RiskMath.Format(observed)}, limit={RiskMath.Format(threshold)}")
            : null;
        observations.Add(new PortfolioRuleObservation(rule, symbol, observed, threshold, breached, reason));
    }

    /// <summary>True when a per-symbol rule's observed value for <paramref name="p"/> is at or above <paramref name="level"/> (no division).</summary>
    private static bool MayReach(RiskRule rule, in PositionSnapshot p, decimal equity, decimal level)
    {
        var size = Math.Abs(p.Quantity);
        return rule.RuleType switch
        {
            RiskRuleType.MaxPositionSize => rule.ThresholdUnit switch
            {
                ThresholdUnit.Shares => size >= level,
                ThresholdUnit.Percent => RiskMath.PercentReaches(size * p.MarketPrice, equity, level),
                _ => size * p.MarketPrice >= level,
            },
            RiskRuleType.MaxConcentration => RiskMath.PercentReaches(size * p.MarketPrice, equity, level),
            RiskRuleType.StopLoss => RiskMath.MovePercentReaches(p.Quantity, p.AverageEntryPrice, p.MarketPrice, favourable: false, level),
            RiskRuleType.TakeProfit => RiskMath.MovePercentReaches(p.Quantity, p.AverageEntryPrice, p.MarketPrice, favourable: true, level),
            _ => true,
        };
    }

    private static (decimal Observed, bool Breached, string Label) Limit(decimal observed, decimal limit, string label) =>
        (observed, RiskMath.Exceeds(observed, limit), label);

    private static (decimal Observed, bool Breached, string Label) Trigger(decimal observed, decimal threshold, string label) =>
        (observed, RiskMath.Reaches(observed, threshold), label);

    private static void AddAccountLevel(List<PortfolioRuleObservation> observations, RiskRule rule, decimal observed, string label)
    {
        var breached = RiskMath.Exceeds(observed, rule.ThresholdValue);
        var reason = breached
            ? string.Create(CultureInfo.InvariantCulture, $"{RiskReasonCodes.ForRuleType(rule.RuleType)}: {label}={RiskMath.Format(observed)}, limit={RiskMath.Format(rule.ThresholdValue)}")
            : null;
        observations.Add(new PortfolioRuleObservation(rule, null, observed, rule.ThresholdValue, breached, reason));
    }

    /// <summary>Deterministic evaluation order: rule type as declared, then rule id (UUID v7, so roughly creation order).</summary>
    private static int CompareRules(RiskRule a, RiskRule b)
    {
        var byType = ((int)a.RuleType).CompareTo((int)b.RuleType);
        return byType != 0 ? byType : a.Id.CompareTo(b.Id);
    }

    /// <summary>True when the results are already in evaluation order (rules passed sorted by type then id skip the sort).</summary>
    private static bool IsInEvaluationOrder(List<RuleEvaluation> results)
    {
        var span = CollectionsMarshal.AsSpan(results);
        for (var i = 1; i < span.Length; i++)
        {
            if (CompareRules(span[i - 1].Rule, span[i].Rule) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryPrice(
        PortfolioSnapshot snapshot,
        string symbol,
        OrderSide side,
        decimal? limitPrice,
        out decimal quotePrice,
        out decimal referencePrice,
        out string? failureCode,
        out string? failureReason)
    {
        quotePrice = 0m;
        referencePrice = 0m;
        if (!snapshot.Quotes.TryGetValue(symbol, out var quote))
        {
            failureCode = RiskReasonCodes.QuoteUnavailable;
            failureReason = string.Create(CultureInfo.InvariantCulture, $"{RiskReasonCodes.QuoteUnavailable}: symbol={symbol}");
            return false;
        }

        var age = snapshot.Now - quote.Timestamp;
        if (age > snapshot.MaxQuoteAge)
        {
            failureCode = RiskReasonCodes.QuoteStale;
            failureReason = string.Create(
                CultureInfo.InvariantCulture,
                $"{RiskReasonCodes.QuoteStale}: symbol={symbol}, age_seconds={RiskMath.Format((decimal)age.TotalSeconds)}, max_age_seconds={RiskMath.Format((decimal)snapshot.MaxQuoteAge.TotalSeconds)}");
            return false;
        }

        var sidePrice = side == OrderSide.Buy ? quote.Ask : quote.Bid;
        quotePrice = sidePrice > 0 ? sidePrice : quote.Last;
        if (quotePrice <= 0)
        {
            quotePrice = 0m;
            failureCode = RiskReasonCodes.QuoteUnavailable;
            failureReason = string.Create(CultureInfo.InvariantCulture, $"{RiskReasonCodes.QuoteUnavailable}: symbol={symbol}, no price");
            return false;
        }

        // The limit price where it is worse for the trader: paying more on a buy, receiving less on a sell.
        referencePrice = limitPrice is { } l
            ? side == OrderSide.Buy ? Math.Max(quotePrice, l) : Math.Min(quotePrice, l)
            : quotePrice;
        failureCode = null;
        failureReason = null;
        return true;
    }

    /// <summary>The observed value of a pre-trade rule for an order of <paramref name="quantity"/>, and its limit.</summary>
    private static (decimal Observed, decimal Limit) Measure(RiskRule rule, in OrderContext context, decimal quantity)
    {
        var snapshot = context.Snapshot;
        var threshold = rule.ThresholdValue;
        var price = context.ReferencePrice;
        switch (rule.RuleType)
        {
            case RiskRuleType.MaxPositionSize:
                return (RiskMath.PositionSize(context.ProjectedAbsolutePosition(quantity), price, snapshot.Equity, rule.ThresholdUnit), threshold);
            case RiskRuleType.MaxOrderValue:
                return (RiskMath.OrderValue(quantity, price, rule.ThresholdUnit), threshold);
            case RiskRuleType.MaxDailyLoss:
                return (RiskMath.DailyLoss(snapshot.DayStartEquity, snapshot.Equity, rule.ThresholdUnit), threshold);
            case RiskRuleType.MaxDrawdown:
                return (RiskMath.Drawdown(snapshot.EquityHighWaterMark, snapshot.Equity, rule.ThresholdUnit), threshold);
            case RiskRuleType.PositionLimit:
                return (context.OpenPositionCount + (context.HasPosition ? 0 : 1), threshold);
            case RiskRuleType.MaxLeverage:
                return (RiskMath.Leverage(context.OtherGrossExposure + (context.ProjectedAbsolutePosition(quantity) * price), snapshot.Equity), threshold);
            case RiskRuleType.MaxConcentration:
                return (RiskMath.Concentration(context.ProjectedAbsolutePosition(quantity) * price, snapshot.Equity), threshold);
            case RiskRuleType.OrderRateLimit:
                return (CountInWindow(snapshot, rule.WindowSeconds ?? 0) + 1, threshold);
            case RiskRuleType.RestrictedSymbols:
                return (rule.ListsSymbol(context.Symbol) ? 1m : 0m, 0m);
            case RiskRuleType.PriceCollar:
                return (context.LimitPrice is { } l ? RiskMath.PriceDeviationPercent(l, context.QuotePrice) : 0m, threshold);
            case RiskRuleType.SectorLimit:
                return (HistoryRules.MeasureSector(in context, quantity).Observed, threshold);
            default:
                return (0m, threshold);
        }
    }

    /// <summary>The largest order quantity (not rounded) a pre-trade rule allows: <see cref="RiskMath.Unlimited"/> when it does not limit quantity.</summary>
    private static decimal Capacity(RiskRule rule, in OrderContext context)
    {
        var snapshot = context.Snapshot;
        var threshold = rule.ThresholdValue;
        var price = context.ReferencePrice;
        switch (rule.RuleType)
        {
            case RiskRuleType.MaxPositionSize:
                return RiskMath.PositionCapacity(
                    RiskMath.PositionSizeLimitInShares(threshold, rule.ThresholdUnit, price, snapshot.Equity), context.DirectionalPosition);
            case RiskRuleType.MaxOrderValue:
                return RiskMath.OrderValueLimitInShares(threshold, rule.ThresholdUnit, price);
            case RiskRuleType.MaxLeverage:
                return RiskMath.PositionCapacity(
                    RiskMath.LeverageLimitInShares(threshold, snapshot.Equity, context.OtherGrossExposure, price), context.DirectionalPosition);
            case RiskRuleType.MaxConcentration:
                return RiskMath.PositionCapacity(
                    RiskMath.ConcentrationLimitInShares(threshold, snapshot.Equity, price), context.DirectionalPosition);
            case RiskRuleType.SectorLimit:
                return HistoryRules.SectorCapacity(rule, in context);
            case RiskRuleType.MaxCorrelation:
                return HistoryRules.CorrelationCapacity(rule, in context);
            default:
                // Account-level and per-order rules: any quantity passes or none does.
                var (observed, limit) = Measure(rule, in context, 0m);
                return RiskMath.Exceeds(observed, limit) ? 0m : RiskMath.Unlimited;
        }
    }

    private static int CountInWindow(PortfolioSnapshot snapshot, int windowSeconds)
    {
        var now = snapshot.Now;
        var from = now.AddSeconds(-windowSeconds);
        var count = 0;
        if (SpanAccess.TryGetSpan(snapshot.RecentOrderTimes, out var times))
        {
            foreach (var t in times)
            {
                count += t > from && t <= now ? 1 : 0;
            }
        }
        else
        {
            foreach (var t in snapshot.RecentOrderTimes)
            {
                count += t > from && t <= now ? 1 : 0;
            }
        }

        return count;
    }

    private static RiskDecision Decide(List<RuleEvaluation> results, decimal quantity, decimal referencePrice, bool reduceOnly)
    {
        RiskAction? strictest = null;
        var strictestIndex = -1;
        var span = CollectionsMarshal.AsSpan(results);
        for (var i = 0; i < span.Length; i++)
        {
            ref readonly var result = ref span[i];
            if (result.IsBreached && (strictest is null || RiskRuleCatalog.Severity(result.Action) > RiskRuleCatalog.Severity(strictest.Value)))
            {
                strictest = result.Action;
                strictestIndex = i;
            }
        }

        if (strictest is null or RiskAction.Alert)
        {
            return new RiskDecision(RiskDecisionOutcome.Accepted, quantity, quantity, strictest, null, null, referencePrice, reduceOnly, results, -1);
        }

        if (strictest != RiskAction.ReduceSize)
        {
            return new RiskDecision(RiskDecisionOutcome.Blocked, quantity, 0m, strictest, null, null, referencePrice, reduceOnly, results, strictestIndex);
        }

        var allowed = RiskMath.Unlimited;
        var bindingIndex = -1;
        for (var i = 0; i < span.Length; i++)
        {
            ref readonly var result = ref span[i];
            if (result.IsBreached && result.Action == RiskAction.ReduceSize && result.AllowedQuantity is { } a && a < allowed)
            {
                allowed = a;
                bindingIndex = i;
            }
        }

        var approved = Math.Min(quantity, decimal.Floor(allowed));
        return approved > 0
            ? new RiskDecision(RiskDecisionOutcome.Reduced, quantity, approved, strictest, null, null, referencePrice, reduceOnly, results, bindingIndex)
            : new RiskDecision(RiskDecisionOutcome.Blocked, quantity, 0m, strictest, null, null, referencePrice, reduceOnly, results, bindingIndex);
    }

    private static string Reason(RiskRule rule, in OrderContext context, decimal observed, decimal limit)
    {
        var code = RiskReasonCodes.ForRuleType(rule.RuleType);
        var o = RiskMath.Format(observed);
        var l = RiskMath.Format(limit);
        var symbol = context.Symbol;
        return rule.RuleType switch
        {
            RiskRuleType.MaxPositionSize or RiskRuleType.MaxConcentration =>
                string.Create(CultureInfo.InvariantCulture, $"{code}: symbol={symbol}, projected={o}, limit={l}"),
            RiskRuleType.MaxOrderValue => string.Create(CultureInfo.InvariantCulture, $"{code}: value={o}, limit={l}"),
            RiskRuleType.MaxDailyLoss => string.Create(CultureInfo.InvariantCulture, $"{code}: loss={o}, limit={l}"),
            RiskRuleType.MaxDrawdown => string.Create(CultureInfo.InvariantCulture, $"{code}: drawdown={o}, limit={l}"),
            RiskRuleType.OrderRateLimit =>
                string.Create(CultureInfo.InvariantCulture, $"{code}: count={o}, limit={l}, window_seconds={rule.WindowSeconds}"),
            RiskRuleType.RestrictedSymbols => string.Create(CultureInfo.InvariantCulture, $"{code}: symbol={symbol}"),
            RiskRuleType.PriceCollar => string.Create(CultureInfo.InvariantCulture, $"{code}: symbol={symbol}, deviation={o}, limit={l}"),
            RiskRuleType.SectorLimit => HistoryRules.SectorReason(context.Snapshot.MarketData.SectorOf(symbol), symbol, observed, limit),
            _ => string.Create(CultureInfo.InvariantCulture, $"{code}: projected={o}, limit={l}"),
        };
    }
}
