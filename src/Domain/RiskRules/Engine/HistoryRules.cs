using System.Globalization;
using RiskPlatform.Domain.Analytics;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Domain.RiskRules.Engine;

/// <summary>
/// The two rules measured from <see cref="PortfolioSnapshot.MarketData"/>, for <see cref="RiskEngine"/>:
/// <list type="bullet">
/// <item><b>max_correlation</b>: an order that adds exposure to its symbol is measured against every other held position by the
/// correlation of their daily returns over the rule's <c>lookback_days</c> (<see cref="DailyCloses.Correlate"/>), signed by the
/// directions — buying X while long Y counts +ρ, while short Y −ρ (a hedge) — and the largest is the observed value, breached when
/// it reaches the threshold. A pair with fewer than 20 common returns cannot be measured: for a blocking action the order is
/// breached with reason <c>INSUFFICIENT_HISTORY</c> and an observed 1 (an unknown correlation is taken as perfect: fail closed);
/// an alert rule ignores the pair. In the monitor each held position is measured against the larger positions only, so a
/// correlated pair is one observation on its smaller leg (which close_position flattens); unmeasurable pairs are skipped.</item>
/// <item><b>sector_limit</b>: the gross exposure of the order's sector (its symbol's sector, or <c>unclassified</c>), the order
/// included, as a percent of equity; limited to the rule's <c>sectors</c> when it names any. In the monitor one observation per
/// sector, on the sector's largest position (which close_position flattens, then the next if still over).</item>
/// </list>
/// </summary>
internal static class HistoryRules
{
    /// <summary>The fewest common daily returns a correlation is measured from.</summary>
    public const int MinimumReturns = RiskRuleCatalog.MinLookbackDays;

    /// <summary>True when a rule's sector scope admits an order in <paramref name="symbol"/>.</summary>
    public static bool AppliesToSectorOf(RiskRule rule, PortfolioSnapshot snapshot, string symbol) =>
        rule.Sectors.Count == 0 || rule.AppliesToSector(snapshot.MarketData.SectorOf(symbol));

    /// <summary>A max_correlation rule's verdict on an order of <paramref name="quantity"/>.</summary>
    public static RuleEvaluation EvaluateCorrelation(RiskRule rule, in OrderContext context, decimal quantity, bool reduceOnly)
    {
        var threshold = rule.ThresholdValue;
        var measure = MeasureCorrelation(rule, in context, quantity);
        if (measure.Unmeasured is { } missing && rule.Action != RiskAction.Alert)
        {
            var reason = string.Create(
                CultureInfo.InvariantCulture,
                $"{RiskReasonCodes.InsufficientHistory}: symbol={context.Symbol}, with={missing.With}, returns={missing.Returns}, required={MinimumReturns}, lookback_days={rule.EffectiveLookbackDays}");
            return new RuleEvaluation(rule, 1m, threshold, reduceOnly ? RuleOutcome.Waived : RuleOutcome.Breached, reason, null);
        }

        if (!RiskMath.Reaches(measure.Observed, threshold))
        {
            return new RuleEvaluation(rule, measure.Observed, threshold, RuleOutcome.Passed, null, null);
        }

        var outcome = reduceOnly && rule.Action != RiskAction.Alert ? RuleOutcome.Waived : RuleOutcome.Breached;
        return new RuleEvaluation(rule, measure.Observed, threshold, outcome, CorrelationReason(context.Symbol, measure.With!, measure.Observed, threshold, measure.Returns), null);
    }

    /// <summary>
    /// The largest order quantity a max_correlation rule allows: any (unlimited) when adding exposure would not breach it, none
    /// when it would (reducing an opposite position is allowed by the caller regardless).
    /// </summary>
    public static decimal CorrelationCapacity(RiskRule rule, in OrderContext context)
    {
        var adding = context.ReduceOnlyCapacity + 1m;
        var measure = MeasureCorrelation(rule, in context, adding);
        return measure.Unmeasured is not null || RiskMath.Reaches(measure.Observed, rule.ThresholdValue) ? 0m : RiskMath.Unlimited;
    }

    /// <summary>sector_limit: the sector's gross exposure after the order, in percent of equity, and the sector.</summary>
    public static (decimal Observed, string Sector) MeasureSector(in OrderContext context, decimal quantity)
    {
        var snapshot = context.Snapshot;
        var sector = snapshot.MarketData.SectorOf(context.Symbol);
        var projected = OtherSectorExposure(snapshot, context.Symbol, sector) + (context.ProjectedAbsolutePosition(quantity) * context.ReferencePrice);
        return (RiskMath.PercentOf(projected, snapshot.Equity), sector);
    }

    /// <summary>sector_limit: the largest order quantity that keeps the sector within the threshold.</summary>
    public static decimal SectorCapacity(RiskRule rule, in OrderContext context)
    {
        var snapshot = context.Snapshot;
        var other = OtherSectorExposure(snapshot, context.Symbol, snapshot.MarketData.SectorOf(context.Symbol));
        return RiskMath.PositionCapacity(
            RiskMath.SectorLimitInShares(rule.ThresholdValue, snapshot.Equity, other, context.ReferencePrice), context.DirectionalPosition);
    }

    public static string SectorReason(string sector, string symbol, decimal observed, decimal limit) => string.Create(
        CultureInfo.InvariantCulture,
        $"{RiskReasonCodes.SectorLimitExceeded}: sector={sector}, symbol={symbol}, projected={RiskMath.Format(observed)}, limit={RiskMath.Format(limit)}");

    /// <summary>The monitor's sector_limit observations: one per sector in scope, on its largest position, in order of first position.</summary>
    public static void ObserveSectors(
        List<PortfolioRuleObservation> observations, RiskRule rule, ReadOnlySpan<PositionSnapshot> positions, PortfolioSnapshot snapshot, decimal? minUtilisation)
    {
        var marketData = snapshot.MarketData;
        var sectors = new List<SectorTotal>();
        for (var i = 0; i < positions.Length; i++)
        {
            ref readonly var p = ref positions[i];
            if (p.Quantity == 0)
            {
                continue;
            }

            var sector = marketData.SectorOf(p.Symbol);
            if (!rule.AppliesToSector(sector))
            {
                continue;
            }

            var value = Math.Abs(p.Quantity) * p.MarketPrice;
            var at = sectors.FindIndex(s => string.Equals(s.Sector, sector, StringComparison.OrdinalIgnoreCase));
            if (at < 0)
            {
                sectors.Add(new SectorTotal(sector, value, i, value, rule.Symbols.Count == 0 || rule.ListsSymbol(p.Symbol)));
                continue;
            }

            var total = sectors[at];
            sectors[at] = total with
            {
                Gross = total.Gross + value,
                Largest = value > total.LargestValue ? i : total.Largest,
                LargestValue = Math.Max(value, total.LargestValue),
                Listed = total.Listed || rule.Symbols.Count == 0 || rule.ListsSymbol(p.Symbol),
            };
        }

        var threshold = rule.ThresholdValue;
        foreach (var total in sectors)
        {
            var observed = RiskMath.PercentOf(total.Gross, snapshot.Equity);
            if (!total.Listed || (minUtilisation is { } min && observed < threshold * min))
            {
                continue;
            }

            var symbol = positions[total.Largest].Symbol.ToUpperInvariant();
            var breached = RiskMath.Exceeds(observed, threshold);
            var reason = breached
                ? string.Create(CultureInfo.InvariantCulture, $"{RiskReasonCodes.SectorLimitExceeded}: sector={total.Sector}, symbol={symbol}, exposure={RiskMath.Format(observed)}, limit={RiskMath.Format(threshold)}")
                : null;
            observations.Add(new PortfolioRuleObservation(rule, symbol, observed, threshold, breached, reason));
        }
    }

    /// <summary>
    /// The monitor's max_correlation observations: each held position (in the rule's symbols, when it lists any) against the
    /// positions larger than it (by market value; equal values: the symbol first in ordinal order), the largest signed
    /// correlation; pairs without enough history are skipped.
    /// </summary>
    public static void ObserveCorrelations(
        List<PortfolioRuleObservation> observations, RiskRule rule, ReadOnlySpan<PositionSnapshot> positions, PortfolioSnapshot snapshot, decimal? minUtilisation)
    {
        var marketData = snapshot.MarketData;
        var lookback = rule.EffectiveLookbackDays;
        var threshold = rule.ThresholdValue;
        for (var i = 0; i < positions.Length; i++)
        {
            ref readonly var p = ref positions[i];
            if (p.Quantity == 0 || (rule.Symbols.Count > 0 && !rule.ListsSymbol(p.Symbol)) || marketData.ClosesOf(p.Symbol) is not { } own)
            {
                continue;
            }

            var value = Math.Abs(p.Quantity) * p.MarketPrice;
            double? best = null;
            string? with = null;
            var returns = 0;
            for (var j = 0; j < positions.Length; j++)
            {
                ref readonly var q = ref positions[j];
                if (j == i || q.Quantity == 0 || OrderContext.SameSymbol(p.Symbol, q.Symbol))
                {
                    continue;
                }

                var other = Math.Abs(q.Quantity) * q.MarketPrice;
                var larger = other > value || (other == value && string.CompareOrdinal(q.Symbol.ToUpperInvariant(), p.Symbol.ToUpperInvariant()) < 0);
                if (!larger || marketData.ClosesOf(q.Symbol) is not { } theirs)
                {
                    continue;
                }

                var pair = DailyCloses.Correlate(own, theirs, lookback, MinimumReturns);
                if (pair.Correlation is { } rho)
                {
                    var signed = rho * Math.Sign(p.Quantity) * Math.Sign(q.Quantity);
                    if (best is null || signed > best)
                    {
                        (best, with, returns) = (signed, q.Symbol.ToUpperInvariant(), pair.Returns);
                    }
                }
            }

            if (best is not { } measured)
            {
                continue;
            }

            var observed = ToDecimal(measured);
            if (minUtilisation is { } min && observed < threshold * min)
            {
                continue;
            }

            var symbol = p.Symbol.ToUpperInvariant();
            var breached = RiskMath.Reaches(observed, threshold);
            observations.Add(new PortfolioRuleObservation(
                rule, symbol, observed, threshold, breached, breached ? CorrelationReason(symbol, with!, observed, threshold, returns) : null));
        }
    }

    private static CorrelationMeasure MeasureCorrelation(RiskRule rule, in OrderContext context, decimal quantity)
    {
        // Only added exposure is measured: an order that only shrinks an opposite position adds none.
        if (context.IsReduceOnly(quantity))
        {
            return new CorrelationMeasure(0m, null, 0, null);
        }

        var snapshot = context.Snapshot;
        var marketData = snapshot.MarketData;
        var own = marketData.ClosesOf(context.Symbol);
        var direction = context.Side == OrderSide.Buy ? 1 : -1;
        var lookback = rule.EffectiveLookbackDays;
        double? best = null;
        string? with = null;
        var returns = 0;
        (string With, int Returns)? unmeasured = null;
        var positions = SpanAccess.TryGetSpan(snapshot.Positions, out var span) ? span : [.. snapshot.Positions];
        foreach (ref readonly var p in positions)
        {
            if (p.Quantity == 0 || OrderContext.SameSymbol(p.Symbol, context.Symbol))
            {
                continue;
            }

            var theirs = marketData.ClosesOf(p.Symbol);
            var pair = own is null || theirs is null ? new PairCorrelation(null, 0) : DailyCloses.Correlate(own, theirs, lookback, MinimumReturns);
            if (pair.Correlation is not { } rho)
            {
                unmeasured ??= (p.Symbol.ToUpperInvariant(), pair.Returns);
                continue;
            }

            var signed = rho * direction * Math.Sign(p.Quantity);
            if (best is null || signed > best)
            {
                (best, with, returns) = (signed, p.Symbol.ToUpperInvariant(), pair.Returns);
            }
        }

        return new CorrelationMeasure(best is { } b ? ToDecimal(b) : 0m, with, returns, unmeasured);
    }

    private static decimal OtherSectorExposure(PortfolioSnapshot snapshot, string symbol, string sector)
    {
        var marketData = snapshot.MarketData;
        var total = 0m;
        var positions = SpanAccess.TryGetSpan(snapshot.Positions, out var span) ? span : [.. snapshot.Positions];
        foreach (ref readonly var p in positions)
        {
            if (p.Quantity != 0
                && !OrderContext.SameSymbol(p.Symbol, symbol)
                && string.Equals(marketData.SectorOf(p.Symbol), sector, StringComparison.OrdinalIgnoreCase))
            {
                total += Math.Abs(p.Quantity) * p.MarketPrice;
            }
        }

        return total;
    }

    private static string CorrelationReason(string symbol, string with, decimal observed, decimal limit, int returns) => string.Create(
        CultureInfo.InvariantCulture,
        $"{RiskReasonCodes.MaxCorrelationExceeded}: symbol={symbol}, with={with}, correlation={observed:0.0000}, limit={limit:0.0000}, returns={returns}");

    /// <summary>A correlation as the rule compares it: six decimals (the double's noise below that would only make equal pairs differ).</summary>
    private static decimal ToDecimal(double value) => Math.Round((decimal)value, 6);

    private readonly record struct CorrelationMeasure(decimal Observed, string? With, int Returns, (string With, int Returns)? Unmeasured);

    private readonly record struct SectorTotal(string Sector, decimal Gross, int Largest, decimal LargestValue, bool Listed);
}
